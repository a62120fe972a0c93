package org.cagekit.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;
import org.cagekit.loss.ContrastiveLoss;
import org.cagekit.loss.CrossModalAccuracy;
import org.cagekit.loss.LossFactory;
import org.cagekit.loss.LossSpec;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link CageModel} on the train split of prepared data and writes its {@link
 * ModelFolder}.
 *
 * <p>Each epoch: the loss hears {@link ContrastiveLoss#beginEpoch}; the train windows are shuffled
 * by a permutation drawn from {@code java.util.Random(seed + 1000003 · epoch)}; they are cut into
 * batches of the configured size (a trailing single window joins the previous batch, because a
 * batch of one has no negative); each batch runs forward and backward in its own {@link NDManager}
 * scope, then Adam updates every parameter ({@link AdamOptimizer}) and, with a learnable
 * temperature, θ is clamped to {@code [0, ln 100]}. After the epoch the validation split is
 * evaluated in fixed batches without gradients, the history row is added, {@code last.params} and,
 * on a new lowest validation loss, {@code best.params} are written, and a checkpoint is taken.
 *
 * <p>Reproducibility: the engine's random seed (parameter initialisation) and the shuffling derive
 * from the seed alone, so the same seed on the same machine with the same thread count gives the
 * same loss history bit for bit, and a run resumed from an epoch-boundary checkpoint ends with the
 * same weights as an uninterrupted one. A run stopped in the middle of an epoch (Ctrl-C or {@link
 * TrainingListener#stopRequested()}) finishes its batch, saves a checkpoint there, and resumes at
 * the next batch with the same permutation; a loss that draws random numbers then draws different
 * ones for the rest of that epoch.
 *
 * <p>The whole train and validation splits are copied to the device once; a batch gathers its
 * windows there by index, so no Java arrays are made per batch. On the CPU, one 32 MB buffer is
 * allocated and freed before training so that glibc keeps activation memory between batches instead
 * of page-faulting it in again each time.
 *
 * <p>The θ parameter is updated only for a learnable temperature; otherwise no loss reads it and
 * weight decay alone would move it.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    /** The clamp range of the learnable log logit scale θ: s = exp(θ) in [1, 100]. */
    public static final float MIN_LOGIT_SCALE = 0f;

    /** {@code ln 100}. */
    public static final float MAX_LOGIT_SCALE = (float) Math.log(100);

    private static final long EPOCH_SEED_STRIDE = 1_000_003L;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final PreparedData data;
    private final TrainingConfig config;
    private final ModelFolder folder;
    private final List<TrainingListener> listeners;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Trainer(
            PreparedData data,
            TrainingConfig config,
            Path modelDir,
            List<TrainingListener> listeners) {
        this.data = Objects.requireNonNull(data, "data");
        this.config = Objects.requireNonNull(config, "config");
        this.folder = new ModelFolder(Objects.requireNonNull(modelDir, "modelDir"));
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains with a {@link LoggingListener}.
     *
     * @see #train(PreparedData, TrainingConfig, Path, List)
     */
    public static TrainingResult train(PreparedData data, TrainingConfig config, Path modelDir) {
        return train(data, config, modelDir, List.of(new LoggingListener()));
    }

    /**
     * Trains a model and writes its folder; Ctrl-C during the run saves a checkpoint and returns.
     *
     * @param data prepared data with a train split (a validation split is optional)
     * @param config training settings; {@link TrainingConfig#resume()} continues the folder's
     *     checkpoint
     * @param modelDir the model folder to create, or to continue with resume
     * @param listeners hear the run's progress
     * @return what the run did
     * @throws IllegalArgumentException for a folder that already holds a model (without resume), a
     *     resume whose settings differ from the checkpoint's, too few windows, or a GPU asked for
     *     where none is present
     */
    public static TrainingResult train(
            PreparedData data,
            TrainingConfig config,
            Path modelDir,
            List<TrainingListener> listeners) {
        return new Trainer(data, config, modelDir, listeners).run();
    }

    /**
     * The device a name stands for.
     *
     * @param name {@code cpu} or {@code gpu}
     * @throws IllegalArgumentException for {@code gpu} when the engine sees no CUDA device
     */
    public static Device device(String name) {
        if (name.equals("cpu")) {
            return Device.cpu();
        }
        if (!name.equals("gpu")) {
            throw new IllegalArgumentException(
                    "unknown device '" + name + "': expected cpu or gpu");
        }
        Engine engine = Engine.getInstance();
        if (engine.getGpuCount() == 0) {
            throw new IllegalArgumentException(
                    "--device gpu: PyTorch "
                            + engine.getVersion()
                            + " sees no CUDA device. This build carries CPU natives unless it"
                            + " was made with 'mvn -Pcuda package', and CUDA also needs an NVIDIA"
                            + " GPU and driver; use --device cpu here");
        }
        return Device.gpu();
    }

    private TrainingResult run() {
        long started = System.nanoTime();
        WindowSet train = data.split(Split.TRAIN);
        WindowSet validation = data.splits().get(Split.VALIDATION);
        if (validation != null && validation.size() < 2) {
            validation = null;
        }
        if (train.size() < 2) {
            throw new IllegalArgumentException(
                    "the train split of "
                            + data.protocol()
                            + " has "
                            + train.size()
                            + " windows; contrastive training needs at least 2");
        }
        Device device = device(config.device());
        if (config.threads() > 0) {
            // The engine loads the native library, which the thread setting needs.
            Engine.getInstance();
            JniUtils.setNumThreads(config.threads());
        }
        ModelConfig modelConfig = config.modelConfig(train.accelChannels(), train.gyroChannels());
        // Each pooling halves the time axis; the last convolution needs at least one sample.
        long pooled = train.length() >> (modelConfig.depth() - 1);
        if (pooled < 1) {
            throw new IllegalArgumentException(
                    "windows of "
                            + train.length()
                            + " samples are too short for depth "
                            + modelConfig.depth()
                            + ": its "
                            + (modelConfig.depth() - 1)
                            + " poolings need at least "
                            + (1L << (modelConfig.depth() - 1))
                            + " samples; use a longer --window or a smaller --depth");
        }
        LOG.debug(
                "training {} windows ({} validation) on {} with {} thread(s): {}",
                train.size(),
                validation == null ? 0 : validation.size(),
                device,
                config.threads() > 0 ? config.threads() : JniUtils.getNumThreads(),
                config);
        Checkpoint.State state = prepareFolder();

        Engine.getInstance().setRandomSeed(Math.floorMod(config.seed(), Integer.MAX_VALUE));
        Thread hook = new Thread(this::stopFromSignal, "cagekit-train-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Model model = Model.newInstance("cage", device)) {
            CageModel block = new CageModel(modelConfig);
            model.setBlock(block);
            NDManager root = model.getNDManager();
            if (!device.isGpu()) {
                raiseAllocatorThreshold(root);
            }
            int length = train.length();
            block.initialize(
                    root,
                    DataType.FLOAT32,
                    new Shape(config.batchSize(), train.accelChannels(), length),
                    new Shape(config.batchSize(), train.gyroChannels(), length));
            ContrastiveLoss loss = LossFactory.create(config.loss(), config.seed());
            if (config.resume()) {
                ModelFolder.readParameters(block, root, Checkpoint.parameters(folder.checkpoint()));
            } else {
                ModelFolder.card(data, modelConfig, loss.settings(), config.seed(), 0)
                        .write(folder.modelJson());
            }
            boolean learnable = learnableTemperature(config.loss());
            List<Parameter> trainable = new ArrayList<>();
            for (Parameter p : block.getParameters().values()) {
                if (p != block.logitScale() || learnable) {
                    trainable.add(p);
                    // Loaded parameters come without a gradient buffer.
                    p.getArray().setRequiresGradient(true);
                } else {
                    p.getArray().setRequiresGradient(false);
                }
            }
            try (AdamOptimizer adam = new AdamOptimizer(trainable, root, config.weightDecay());
                    NDManager splits = root.newSubManager()) {
                if (config.resume()) {
                    Checkpoint.readOptimizer(folder.checkpoint(), adam);
                }
                Epochs epochs =
                        new Epochs(block, loss, adam, learnable, state, splits, train, validation);
                return epochs.run(started);
            }
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running and waits for us.
            }
        }
    }

    private static boolean learnableTemperature(LossSpec spec) {
        return spec.usesNtXent() && spec.temperature() == LossSpec.Temperature.LEARNABLE;
    }

    /** Ctrl-C: ask the loop to stop, and hold the JVM until the checkpoint is written. */
    private void stopFromSignal() {
        stop.set(true);
        System.err.println("cagekit: stopping after the current batch to save a checkpoint...");
        try {
            if (!stopped.await(120, TimeUnit.SECONDS)) {
                System.err.println("cagekit: the checkpoint was not saved within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Checkpoint.State prepareFolder() {
        Path dir = folder.dir();
        Map<String, String> settings = config.settings();
        if (config.resume()) {
            if (!Checkpoint.exists(folder.checkpoint())) {
                throw new IllegalArgumentException(
                        "--resume: " + dir + " holds no checkpoint to continue from");
            }
            Map<String, String> saved = readSettings(folder.trainingJson());
            if (!saved.equals(settings)) {
                throw new IllegalArgumentException(
                        "--resume: the settings differ from those "
                                + folder.trainingJson()
                                + " records: "
                                + differences(saved, settings));
            }
            ModelCard card = ModelCard.read(folder.modelJson());
            if (!card.protocolParameters.equals(data.parameters())
                    || !card.protocol.equals(data.protocol())) {
                throw new IllegalArgumentException(
                        "--resume: the data differ from those "
                                + folder.modelJson()
                                + " records (protocol "
                                + card.protocol
                                + " with "
                                + card.protocolParameters
                                + ")");
            }
            return Checkpoint.readState(folder.checkpoint());
        }
        if (Files.exists(folder.modelJson()) || Checkpoint.exists(folder.checkpoint())) {
            throw new IllegalArgumentException(
                    dir
                            + " already holds a model; choose another --out, delete it, or"
                            + " continue it with --resume");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model folder " + dir + ": " + e, e);
        }
        writeSettings(folder.trainingJson(), settings);
        return new Checkpoint.State();
    }

    private static String differences(Map<String, String> saved, Map<String, String> now) {
        List<String> diffs = new ArrayList<>();
        for (String key : saved.keySet()) {
            if (!Objects.equals(saved.get(key), now.get(key))) {
                diffs.add(key + " was " + saved.get(key) + ", now " + now.get(key));
            }
        }
        for (String key : now.keySet()) {
            if (!saved.containsKey(key)) {
                diffs.add(key + " was unset, now " + now.get(key));
            }
        }
        return String.join("; ", diffs);
    }

    static Map<String, String> readSettings(Path file) {
        try {
            Map<String, String> map =
                    GSON.fromJson(
                            Files.readString(file, StandardCharsets.UTF_8),
                            new TypeToken<LinkedHashMap<String, String>>() {}.getType());
            if (map == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }

    static void writeSettings(Path file, Map<String, String> settings) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, GSON.toJson(settings), StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
    }

    /**
     * A permutation of {@code 0..n-1} that depends on the seed and the epoch alone.
     *
     * @param seed the run's seed
     * @param epoch from 0
     * @param n the number of windows
     */
    static int[] permutation(long seed, int epoch, int n) {
        Random random = new Random(seed + EPOCH_SEED_STRIDE * epoch);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * Batch boundaries for {@code n} windows: {@code bounds[b]} to {@code bounds[b + 1]}; a
     * trailing single window joins the previous batch.
     */
    static int[] batchBounds(int n, int batchSize) {
        int full = n / batchSize;
        int rest = n % batchSize;
        int batches = full + (rest >= 2 || full == 0 ? 1 : 0);
        int[] bounds = new int[batches + 1];
        for (int b = 1; b <= batches; b++) {
            bounds[b] = Math.min(b * batchSize, n);
        }
        bounds[batches] = n;
        return bounds;
    }

    /** The epoch loop of one run, with the arrays it needs. */
    private final class Epochs {
        private final CageModel block;
        private final ContrastiveLoss loss;
        private final AdamOptimizer adam;
        private final boolean learnable;
        private final Checkpoint.State state;
        private final NDManager splits;
        private final SplitArrays train;
        private final SplitArrays validation;
        private final ParameterStore parameterStore;
        private final History history = new History();
        private final DegenerateTrainingDetector detector = new DegenerateTrainingDetector();
        private final List<String> warnings;

        Epochs(
                CageModel block,
                ContrastiveLoss loss,
                AdamOptimizer adam,
                boolean learnable,
                Checkpoint.State state,
                NDManager splits,
                WindowSet train,
                WindowSet validation) {
            this.block = block;
            this.loss = loss;
            this.adam = adam;
            this.learnable = learnable;
            this.state = state;
            this.splits = splits;
            this.train = new SplitArrays(splits, train);
            this.validation = validation == null ? null : new SplitArrays(splits, validation);
            this.parameterStore = new ParameterStore(splits, false);
            this.warnings = new ArrayList<>(state.warnings);
            for (EpochRecord r : state.history) {
                history.add(r);
                detector.check(r, Double.POSITIVE_INFINITY);
            }
        }

        TrainingResult run(long started) {
            int epochs = config.epochs();
            int n = train.size;
            for (TrainingListener l : listeners) {
                l.onTrainingStart(state.epoch, epochs, n);
            }
            boolean interrupted = false;
            int[] bounds = batchBounds(n, config.batchSize());
            int batches = bounds.length - 1;
            long[] indices = new long[config.batchSize() + 1];
            while (state.epoch < epochs && !interrupted) {
                int epoch = state.epoch;
                loss.beginEpoch(epoch, epochs);
                float lr = config.learningRate(epoch);
                int[] order = permutation(config.seed(), epoch, n);
                EpochTotals totals = state.partial == null ? new EpochTotals() : state.partial;
                state.partial = null;
                for (TrainingListener l : listeners) {
                    l.onEpochStart(epoch, epochs, batches);
                }
                for (int b = state.batch; b < batches; b++) {
                    long t0 = System.nanoTime();
                    int size = bounds[b + 1] - bounds[b];
                    for (int i = 0; i < size; i++) {
                        indices[i] = order[bounds[b] + i];
                    }
                    float batchLoss = trainBatch(indices, size, lr, totals);
                    totals.seconds += (System.nanoTime() - t0) / 1e9;
                    double rate = totals.windows / Math.max(totals.seconds, 1e-9);
                    for (TrainingListener l : listeners) {
                        l.onBatch(b, size, batchLoss, rate);
                    }
                    if (b + 1 < batches && stopWanted()) {
                        state.batch = b + 1;
                        state.partial = totals;
                        interrupted = true;
                        break;
                    }
                }
                if (!interrupted) {
                    finishEpoch(epoch, lr, totals);
                    interrupted = stopWanted() && state.epoch < epochs;
                }
                saveCheckpoint();
            }
            EpochRecord last = state.history.isEmpty() ? null : last(state.history);
            TrainingResult result =
                    new TrainingResult(
                            folder.dir(),
                            state.epoch,
                            (System.nanoTime() - started) / 1e9,
                            last == null ? Float.NaN : last.loss(),
                            last == null ? Float.NaN : last.topOne(),
                            last == null ? Float.NaN : last.validationLoss(),
                            state.bestValidationLoss,
                            state.bestEpoch,
                            folder.history(),
                            interrupted,
                            warnings);
            for (TrainingListener l : listeners) {
                l.onTrainingEnd(result);
            }
            return result;
        }

        private boolean stopWanted() {
            if (stop.get()) {
                return true;
            }
            for (TrainingListener l : listeners) {
                if (l.stopRequested()) {
                    return true;
                }
            }
            return false;
        }

        private float trainBatch(long[] indices, int size, float lr, EpochTotals totals) {
            try (NDManager batch = splits.newSubManager()) {
                NDArray index = batch.create(Arrays.copyOf(indices, size));
                NDList inputs = train.inputs(index, batch);
                NDList labels = new NDList(train.labels(index, batch));
                NDList predictions;
                NDArray value;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    predictions = block.forward(parameterStore, inputs, true);
                    value = loss.evaluate(labels, predictions);
                    collector.backward(value);
                }
                double gradNorm = Math.sqrt(adam.gradientNormSquared(batch).getFloat());
                adam.update(lr, batch);
                if (learnable) {
                    clampLogitScale(block);
                }
                float batchLoss = value.getFloat();
                if (!Float.isFinite(batchLoss)) {
                    throw new IllegalStateException(
                            "the training loss became "
                                    + batchLoss
                                    + " in epoch "
                                    + (state.epoch + 1)
                                    + "; lower --lr or raise the temperature");
                }
                NDArray a = predictions.get(0);
                NDArray g = predictions.get(1);
                long correct = CrossModalAccuracy.correct(a, g).getLong();
                float cosine =
                        (DegenerateTrainingDetector.meanPairwiseCosine(a)
                                        + DegenerateTrainingDetector.meanPairwiseCosine(g))
                                / 2;
                totals.addBatch(size, batchLoss, correct, cosine, gradNorm);
                totals.addDiagnostics(loss.diagnostics());
                return batchLoss;
            }
        }

        private void finishEpoch(int epoch, float lr, EpochTotals totals) {
            float[] val = validate();
            EpochRecord record = totals.record(epoch, lr, val[0], val[1]);
            state.history.add(record);
            history.add(record);
            for (String w : detector.check(record, totals.maxGradientNorm)) {
                warnings.add(w);
                state.warnings.add(w);
                for (TrainingListener l : listeners) {
                    l.onWarning(w);
                }
            }
            history.write(folder.history());
            ModelFolder.writeParameters(block, folder.lastParams());
            float criterion = Float.isNaN(record.validationLoss()) ? record.loss() : val[0];
            if (criterion < state.bestValidationLoss || state.bestEpoch == 0) {
                state.bestValidationLoss = criterion;
                state.bestEpoch = record.epoch();
                ModelFolder.writeParameters(block, folder.bestParams());
            }
            state.epoch = epoch + 1;
            state.batch = 0;
            ModelCard card =
                    ModelFolder.card(
                            data, block.config(), loss.settings(), config.seed(), state.epoch);
            card.write(folder.modelJson());
            for (TrainingListener l : listeners) {
                l.onEpoch(record);
            }
        }

        /** Validation loss and top-1 over fixed batches; NaN without a validation split. */
        private float[] validate() {
            if (validation == null) {
                return new float[] {Float.NaN, Float.NaN};
            }
            int[] bounds = batchBounds(validation.size, config.batchSize());
            double lossSum = 0;
            long correct = 0;
            for (int b = 0; b + 1 < bounds.length; b++) {
                int size = bounds[b + 1] - bounds[b];
                try (NDManager batch = splits.newSubManager()) {
                    NDArray index = batch.arange(bounds[b], bounds[b + 1], 1, DataType.INT64);
                    NDList inputs = validation.inputs(index, batch);
                    NDList labels = new NDList(validation.labels(index, batch));
                    NDList predictions = block.forward(parameterStore, inputs, false);
                    lossSum += (double) loss.evaluate(labels, predictions).getFloat() * size;
                    correct +=
                            CrossModalAccuracy.correct(predictions.get(0), predictions.get(1))
                                    .getLong();
                }
            }
            return new float[] {
                (float) (lossSum / validation.size), (float) correct / validation.size
            };
        }

        private void saveCheckpoint() {
            Checkpoint.write(folder.checkpoint(), block, adam, state);
            LOG.debug("checkpoint at epoch {}, batch {}", state.epoch, state.batch);
        }
    }

    private static EpochRecord last(List<EpochRecord> rows) {
        return rows.get(rows.size() - 1);
    }

    /**
     * Allocates and frees one 32 MB buffer, so that glibc's malloc raises its dynamic mmap
     * threshold to 32 MB and its trim threshold to 64 MB. Without it, the few MB activation buffers
     * of a batch went back to the kernel at every batch end and page-faulted in again at the next
     * one: the backward pass of a batch of 64 took 25 ms of CPU time instead of 17 ms. (Python
     * processes reach the same thresholds on their own, because their first large buffers are freed
     * early.) On other allocators the buffer is merely allocated and freed.
     */
    private static void raiseAllocatorThreshold(NDManager manager) {
        // Just below glibc's largest dynamic threshold, 32 MiB on 64-bit systems.
        try (NDArray buffer = manager.create(new Shape(32_000_000 / 4))) {
            LOG.trace("allocator warm-up buffer of {} bytes", buffer.size() * 4);
        }
    }

    /**
     * Clamps θ to {@code [0, ln 100]} in place, so that the logit scale stays in {@code [1, 100]}.
     */
    static void clampLogitScale(CageModel block) {
        NDArray theta = block.logitScale().getArray();
        float value = theta.getFloat(0);
        float clamped = Math.max(MIN_LOGIT_SCALE, Math.min(MAX_LOGIT_SCALE, value));
        if (clamped != value) {
            theta.set(new float[] {clamped});
        }
    }

    /** One split's windows, on the device, gathered per batch by index. */
    private static final class SplitArrays {
        final int size;
        final NDArray accel;
        final NDArray gyro;
        final NDArray labels;

        SplitArrays(NDManager manager, WindowSet windows) {
            size = windows.size();
            accel =
                    manager.create(
                            windows.accel(),
                            new Shape(size, windows.accelChannels(), windows.length()));
            gyro =
                    manager.create(
                            windows.gyro(),
                            new Shape(size, windows.gyroChannels(), windows.length()));
            long[] ids = new long[size];
            for (int i = 0; i < size; i++) {
                ids[i] = windows.label(i);
            }
            labels = manager.create(ids);
        }

        NDList inputs(NDArray index, NDManager batch) {
            NDArray a = accel.get(index);
            NDArray g = gyro.get(index);
            // Results of an indexing belong to the source's manager; move them into the batch's.
            a.attach(batch);
            g.attach(batch);
            return new NDList(a, g);
        }

        NDArray labels(NDArray index, NDManager batch) {
            NDArray l = labels.get(index);
            l.attach(batch);
            return l;
        }
    }
}
