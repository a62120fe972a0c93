package org.cagekit.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.cagekit.BuildInfo;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;

/**
 * The files of one trained (or untrained) encoder.
 *
 * <pre>
 *   model.json         the {@link ModelCard}: architecture, dataset, protocol and its parameters,
 *                      sampling rate, window length, channel and class names, normalisation,
 *                      loss settings, seed, epochs trained, cagekit version and source revision
 *   training.json      every training setting that changes the weights ({@link
 *                      TrainingConfig#settings()})
 *   best.params        parameters after the epoch with the lowest validation loss
 *   last.params        parameters after the last completed epoch
 *   history.csv        one row per epoch ({@link History})
 *   checkpoint/        what --resume needs: parameters, Adam moments, progress ({@link
 *                      Checkpoint})
 * </pre>
 *
 * Parameter files are DJL's block parameter format ({@link Block#saveParameters}). Every file is
 * written under a temporary name and moved into place. {@link #load} is the only way other packages
 * (export, experiment) open a trained model.
 */
public final class ModelFolder {
    /** The model card. */
    public static final String MODEL_JSON = "model.json";

    /** The training settings. */
    public static final String TRAINING_JSON = "training.json";

    /** Parameters of the best epoch. */
    public static final String BEST_PARAMS = "best.params";

    /** Parameters of the last epoch. */
    public static final String LAST_PARAMS = "last.params";

    /** Per-epoch history. */
    public static final String HISTORY_CSV = "history.csv";

    /** The resume checkpoint folder. */
    public static final String CHECKPOINT = "checkpoint";

    private final Path dir;

    /**
     * @param dir the model folder; it need not exist yet
     */
    public ModelFolder(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    public Path dir() {
        return dir;
    }

    public Path modelJson() {
        return dir.resolve(MODEL_JSON);
    }

    public Path trainingJson() {
        return dir.resolve(TRAINING_JSON);
    }

    public Path bestParams() {
        return dir.resolve(BEST_PARAMS);
    }

    public Path lastParams() {
        return dir.resolve(LAST_PARAMS);
    }

    public Path history() {
        return dir.resolve(HISTORY_CSV);
    }

    public Path checkpoint() {
        return dir.resolve(CHECKPOINT);
    }

    /** A model and its card, opened by {@link #load}; closing it frees the model's arrays. */
    public record Loaded(Model model, CageModel block, ModelCard card) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    /**
     * Opens a model folder on the CPU.
     *
     * @param dir the model folder
     * @param best {@code true} for {@code best.params}, {@code false} for {@code last.params}
     * @return the DJL model, its {@link CageModel} block with the parameters loaded, and the card
     * @throws IllegalArgumentException when the folder lacks a file or a file does not fit the card
     */
    public static Loaded load(Path dir, boolean best) {
        return load(dir, best, Device.cpu());
    }

    /**
     * Opens a model folder on a device.
     *
     * @see #load(Path, boolean)
     */
    public static Loaded load(Path dir, boolean best, Device device) {
        ModelFolder folder = new ModelFolder(dir);
        if (!Files.isRegularFile(folder.modelJson())) {
            throw new IllegalArgumentException(
                    dir + " is not a cagekit model folder: " + MODEL_JSON + " is missing");
        }
        ModelCard card = ModelCard.read(folder.modelJson());
        ModelConfig config = modelConfig(card, folder.modelJson());
        Path params = best ? folder.bestParams() : folder.lastParams();
        Model model = Model.newInstance("cage", device);
        try {
            CageModel block = new CageModel(config);
            model.setBlock(block);
            readParameters(block, model.getNDManager(), params);
            return new Loaded(model, block, card);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The model shape a card records.
     *
     * @param card the card
     * @param source where the card came from, for error messages
     * @throws IllegalArgumentException naming the missing architecture field
     */
    public static ModelConfig modelConfig(ModelCard card, Path source) {
        return new ModelConfig(
                architecture(card, "accelChannels", source),
                architecture(card, "gyroChannels", source),
                architecture(card, "width", source),
                architecture(card, "depth", source),
                architecture(card, "embeddingDim", source),
                architecture(card, "kernel", source),
                ModelConfig.CLIP_INITIAL_LOGIT_SCALE);
    }

    private static int architecture(ModelCard card, String key, Path source) {
        Integer value = card.architecture.get(key);
        if (value == null) {
            throw new IllegalArgumentException(
                    source + ": architecture." + key + " is missing from the model card");
        }
        return value;
    }

    /**
     * The complete card of a model trained on {@code data}.
     *
     * @param data the prepared data (dataset, protocol, parameters, channels, classes, statistics)
     * @param config the model shape
     * @param loss the loss settings, as {@link org.cagekit.loss.ContrastiveLoss#settings()}
     * @param seed the run's seed
     * @param epochs completed epochs
     */
    public static ModelCard card(
            PreparedData data,
            ModelConfig config,
            Map<String, String> loss,
            long seed,
            int epochs) {
        ModelCard card = ModelCard.describing(data);
        Map<String, Integer> architecture = new LinkedHashMap<>();
        architecture.put("accelChannels", config.accelChannels());
        architecture.put("gyroChannels", config.gyroChannels());
        architecture.put("width", config.width());
        architecture.put("depth", config.depth());
        architecture.put("embeddingDim", config.embeddingDim());
        architecture.put("kernel", config.kernel());
        card.architecture = architecture;
        card.loss = new LinkedHashMap<>(loss);
        card.seed = seed;
        card.epochs = epochs;
        card.cagekitVersion = BuildInfo.version();
        card.sourceRevision = BuildInfo.revision();
        return card;
    }

    /** Writes a block's parameters to a temporary name beside {@code file}, then moves it. */
    public static void writeParameters(Block block, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
                    DataOutputStream data = new DataOutputStream(out)) {
                block.saveParameters(data);
            }
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write parameters " + file + ": " + e, e);
        }
    }

    /**
     * Reads parameters written by {@link #writeParameters} into a block of the same shape.
     *
     * @throws IllegalArgumentException when the file is missing or holds another architecture
     */
    public static void readParameters(Block block, NDManager manager, Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                DataInputStream data = new DataInputStream(in)) {
            block.loadParameters(manager, data);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("parameter file " + file + " does not exist", e);
        } catch (MalformedModelException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    file + " does not hold parameters of this architecture: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parameters " + file + ": " + e, e);
        }
    }
}
