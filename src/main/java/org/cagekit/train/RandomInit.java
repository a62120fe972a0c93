package org.cagekit.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;

/**
 * Writes an untrained model folder: the random-initialisation baseline of an experiment.
 *
 * <p>The folder has the layout of a trained one ({@link ModelFolder}): {@code model.json} with
 * {@code epochs = 0} and loss settings {@code loss = none, init = random}, {@code training.json},
 * identical {@code best.params} and {@code last.params} holding the parameters exactly as {@link
 * Trainer} initialises them for the same seed and configuration, and a {@code history.csv} with the
 * header only. It has no checkpoint, so it cannot be resumed.
 */
public final class RandomInit {
    private RandomInit() {}

    /**
     * Creates the folder.
     *
     * @param data the data the baseline is evaluated on (channels, protocol, normalisation)
     * @param config the model shape and seed; its loss and optimiser settings are recorded only
     * @param modelDir the folder to create
     * @return the folder
     * @throws IllegalArgumentException when {@code modelDir} already holds a model
     */
    public static ModelFolder create(PreparedData data, TrainingConfig config, Path modelDir) {
        ModelFolder folder = new ModelFolder(modelDir);
        if (Files.exists(folder.modelJson())) {
            throw new IllegalArgumentException(
                    modelDir + " already holds a model; choose another folder or delete it");
        }
        WindowSet train = data.split(Split.TRAIN);
        ModelConfig modelConfig = config.modelConfig(train.accelChannels(), train.gyroChannels());
        try {
            Files.createDirectories(modelDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model folder " + modelDir + ": " + e, e);
        }
        Engine.getInstance().setRandomSeed(Math.floorMod(config.seed(), Integer.MAX_VALUE));
        try (Model model = Model.newInstance("cage", Trainer.device(config.device()))) {
            CageModel block = new CageModel(modelConfig);
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(config.batchSize(), train.accelChannels(), train.length()),
                    new Shape(config.batchSize(), train.gyroChannels(), train.length()));
            ModelFolder.writeParameters(block, folder.lastParams());
            ModelFolder.writeParameters(block, folder.bestParams());
        }
        Map<String, String> loss = new LinkedHashMap<>();
        loss.put("loss", "none");
        loss.put("init", "random");
        Trainer.writeSettings(folder.trainingJson(), config.settings());
        new History().write(folder.history());
        ModelFolder.card(data, modelConfig, loss, config.seed(), 0).write(folder.modelJson());
        return folder;
    }
}
