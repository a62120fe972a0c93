package org.cagekit.export;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cagekit.data.ModelCard;
import org.cagekit.data.Normalisation;
import org.cagekit.data.WindowSet;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;

/** Small models, cards and windows for export tests, all seeded. */
final class ExportFixture {
    /** Accelerometer statistics in m/s², gravity on the second axis. */
    static final float[] ACCEL_MEAN = {0.1f, -9.8f, 0.3f};

    static final float[] ACCEL_STD = {2f, 3f, 1.5f};

    static final float[] GYRO_MEAN = {0f, 0.05f, -0.02f};

    /** The third gyroscope channel is constant: its scale is 0, never 1 / 0. */
    static final float[] GYRO_STD = {0.5f, 0.4f, 0f};

    private ExportFixture() {}

    /** Width 8, depth 3, embedding size 6, kernel 3, three channels per modality. */
    static ModelConfig smallConfig() {
        return new ModelConfig(3, 3, 8, 3, 6, 3, ModelConfig.CLIP_INITIAL_LOGIT_SCALE);
    }

    static Normalisation normalisation() {
        return new Normalisation(ACCEL_MEAN, ACCEL_STD, GYRO_MEAN, GYRO_STD);
    }

    /** A model whose parameters come from DJL's initialisers under a fixed seed. */
    static Model randomModel(ModelConfig config, int length, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        Model model = Model.newInstance("cage");
        CageModel block = new CageModel(config);
        model.setBlock(block);
        block.initialize(
                model.getNDManager(),
                DataType.FLOAT32,
                new Shape(1, config.accelChannels(), length),
                new Shape(1, config.gyroChannels(), length));
        return model;
    }

    /**
     * A model trained for {@code steps} Adam steps (learning rate 0.01) to pull each window's two
     * embeddings together, {@code loss = sum((a - g)^2)}, on standardised copies of {@code
     * windows}.
     */
    static Model trainedModel(ModelConfig config, WindowSet windows, int steps, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        Model model = Model.newInstance("cage");
        model.setBlock(new CageModel(config));
        int t = windows.length();
        float[] accel = windows.accel().clone();
        float[] gyro = windows.gyro().clone();
        Normalisation.apply(accel, ACCEL_MEAN, ACCEL_STD, t);
        Normalisation.apply(gyro, GYRO_MEAN, GYRO_STD, t);
        DefaultTrainingConfig training =
                new DefaultTrainingConfig(Loss.l2Loss())
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(Tracker.fixed(0.01f))
                                        .build());
        int n = windows.size();
        try (Trainer trainer = model.newTrainer(training)) {
            trainer.initialize(
                    new Shape(n, config.accelChannels(), t),
                    new Shape(n, config.gyroChannels(), t));
            NDManager manager = trainer.getManager();
            for (int step = 0; step < steps; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray a = scope.create(accel, new Shape(n, config.accelChannels(), t));
                    NDArray g = scope.create(gyro, new Shape(n, config.gyroChannels(), t));
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(new NDList(a, g));
                        collector.backward(out.get(0).sub(out.get(1)).square().sum());
                    }
                    trainer.step();
                }
            }
        }
        return model;
    }

    /** A card for windows of {@code length} samples with the fixture's statistics. */
    static ModelCard card(ModelConfig config, int length) {
        ModelCard card = new ModelCard();
        card.dataset = "synthetic";
        card.protocol = "synthetic-test";
        card.protocolParameters = new java.util.LinkedHashMap<>();
        card.protocolParameters.put("window", Integer.toString(length));
        card.protocolParameters.put("label_rule", "majority");
        card.samplingRateHz = 50;
        card.windowLength = length;
        card.accelChannels = List.of("acc_x", "acc_y", "acc_z");
        card.gyroChannels = List.of("gyro_x", "gyro_y", "gyro_z");
        card.classNames = new TreeMap<>(Map.of(0, "WALKING", 1, "SITTING", 2, "LYING"));
        card.accelMean = ACCEL_MEAN.clone();
        card.accelStd = ACCEL_STD.clone();
        card.gyroMean = GYRO_MEAN.clone();
        card.gyroStd = GYRO_STD.clone();
        card.architecture.put("accelChannels", config.accelChannels());
        card.architecture.put("gyroChannels", config.gyroChannels());
        card.architecture.put("width", config.width());
        card.architecture.put("depth", config.depth());
        card.architecture.put("embeddingDim", config.embeddingDim());
        card.architecture.put("kernel", config.kernel());
        card.loss.put("loss", "ntxent");
        card.loss.put("temperature", "learnable");
        card.seed = 7;
        card.epochs = 1;
        card.cagekitVersion = "0.1.0";
        card.sourceRevision = "abc1234";
        return card;
    }

    /**
     * Unstandardised windows around the fixture's means; each of the three classes adds its own
     * sinusoid, so that KNN has structure to find.
     */
    static WindowSet windows(int n, int length, long seed) {
        Random random = new Random(seed);
        float[] accel = new float[n * 3 * length];
        float[] gyro = new float[n * 3 * length];
        int[] labels = new int[n];
        int[] subjects = new int[n];
        int[] starts = new int[n];
        for (int w = 0; w < n; w++) {
            int label = w % 3;
            labels[w] = label;
            subjects[w] = 1 + w % 5;
            starts[w] = w * length;
            double phase = random.nextDouble() * 2 * Math.PI;
            for (int c = 0; c < 3; c++) {
                for (int t = 0; t < length; t++) {
                    double wave = Math.sin(phase + t * 0.2 * (label + 1) + c);
                    accel[(w * 3 + c) * length + t] =
                            (float)
                                    (ACCEL_MEAN[c]
                                            + ACCEL_STD[c] * (wave + 0.3 * random.nextGaussian()));
                    gyro[(w * 3 + c) * length + t] =
                            c == 2
                                    ? GYRO_MEAN[c]
                                    : (float)
                                            (GYRO_MEAN[c]
                                                    + GYRO_STD[c]
                                                            * (0.5 * wave + random.nextGaussian()));
                }
            }
        }
        return new WindowSet(3, 3, length, accel, gyro, labels, subjects, starts);
    }
}
