package org.cagekit.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cagekit.loss.LossSpec;
import org.cagekit.model.ModelConfig;

/**
 * How to train an encoder: epochs, batch size, Adam's learning rate and weight decay, the
 * learning-rate schedule, the seed, the device, the loss and the model shape.
 *
 * <p>Defaults: 40 epochs, batch 64, Adam with lr 10⁻³ and weight decay 10⁻⁷ (added to the gradient,
 * as PyTorch's Adam does), the step schedule (the rate halves every 20 epochs), seed 1, CPU, the
 * default {@link LossSpec}, width 64, depth 3, embedding size 64, kernel 3, no resume, a progress
 * bar, PyTorch's own choice of threads.
 *
 * <p>The learning rate is constant within an epoch; {@link #learningRate(int)} gives it. Step:
 * {@code lr · f^⌊e / k⌋} with {@code k = stepEpochs}, {@code f = stepFactor}. Cosine: {@code lr · ½
 * (1 + cos(π e / E))}, from lr at epoch 0 towards 0 after the last epoch.
 */
public final class TrainingConfig {
    /** The learning-rate schedule. */
    public enum Schedule {
        /** The rate is multiplied by {@code stepFactor} every {@code stepEpochs} epochs. */
        STEP,
        /** Half a cosine from the initial rate to 0 over the run. */
        COSINE;

        /** The name on the command line and in training.json. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code step} or {@code cosine}, any case. */
        public static Schedule parse(String text) {
            String name = text.trim().toUpperCase(Locale.ROOT);
            for (Schedule s : values()) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException(
                    "unknown schedule '" + text + "': expected step or cosine");
        }
    }

    private final int epochs;
    private final int batchSize;
    private final float learningRate;
    private final float weightDecay;
    private final Schedule schedule;
    private final int stepEpochs;
    private final float stepFactor;
    private final long seed;
    private final String device;
    private final LossSpec loss;
    private final int width;
    private final int depth;
    private final int embeddingDim;
    private final int kernel;
    private final boolean resume;
    private final boolean progressBar;
    private final int threads;

    private TrainingConfig(Builder b) {
        epochs = b.epochs;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        weightDecay = b.weightDecay;
        schedule = b.schedule;
        stepEpochs = b.stepEpochs;
        stepFactor = b.stepFactor;
        seed = b.seed;
        device = b.device;
        loss = b.loss;
        width = b.width;
        depth = b.depth;
        embeddingDim = b.embeddingDim;
        kernel = b.kernel;
        resume = b.resume;
        progressBar = b.progressBar;
        threads = b.threads;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static TrainingConfig defaults() {
        return builder().build();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.weightDecay = weightDecay;
        b.schedule = schedule;
        b.stepEpochs = stepEpochs;
        b.stepFactor = stepFactor;
        b.seed = seed;
        b.device = device;
        b.loss = loss;
        b.width = width;
        b.depth = depth;
        b.embeddingDim = embeddingDim;
        b.kernel = kernel;
        b.resume = resume;
        b.progressBar = progressBar;
        b.threads = threads;
        return b;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The initial learning rate. */
    public float learningRate() {
        return learningRate;
    }

    public float weightDecay() {
        return weightDecay;
    }

    public Schedule schedule() {
        return schedule;
    }

    public int stepEpochs() {
        return stepEpochs;
    }

    public float stepFactor() {
        return stepFactor;
    }

    public long seed() {
        return seed;
    }

    /** {@code cpu} or {@code gpu}. */
    public String device() {
        return device;
    }

    public LossSpec loss() {
        return loss;
    }

    public int width() {
        return width;
    }

    public int depth() {
        return depth;
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    public int kernel() {
        return kernel;
    }

    /** Whether to continue from the model folder's checkpoint. */
    public boolean resume() {
        return resume;
    }

    /** Whether to draw a progress bar on stderr. */
    public boolean progressBar() {
        return progressBar;
    }

    /** PyTorch intra-op threads; 0 leaves PyTorch's choice. */
    public int threads() {
        return threads;
    }

    /**
     * The model shape for data with the given channels. The learnable log logit scale starts at
     * {@code ln(1/τ)} (CLIP's {@code ln(1/0.07)} with the default τ).
     */
    public ModelConfig modelConfig(int accelChannels, int gyroChannels) {
        return new ModelConfig(
                accelChannels,
                gyroChannels,
                width,
                depth,
                embeddingDim,
                kernel,
                (float) Math.log(1 / (double) loss.tau()));
    }

    /**
     * The learning rate of an epoch.
     *
     * @param epoch from 0
     */
    public float learningRate(int epoch) {
        switch (schedule) {
            case STEP:
                return (float) (learningRate * Math.pow(stepFactor, epoch / stepEpochs));
            case COSINE:
                return (float) (learningRate * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs)));
            default:
                throw new IllegalStateException("unhandled schedule " + schedule);
        }
    }

    /**
     * Every setting that changes the trained weights, as text, in a stable order (resume, progress
     * bar and thread count are left out). A resumed run must match these.
     */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("epochs", Integer.toString(epochs));
        s.put("batchSize", Integer.toString(batchSize));
        s.put("learningRate", Float.toString(learningRate));
        s.put("weightDecay", Float.toString(weightDecay));
        s.put("schedule", schedule.label());
        if (schedule == Schedule.STEP) {
            s.put("stepEpochs", Integer.toString(stepEpochs));
            s.put("stepFactor", Float.toString(stepFactor));
        }
        s.put("seed", Long.toString(seed));
        s.put("device", device);
        s.put("width", Integer.toString(width));
        s.put("depth", Integer.toString(depth));
        s.put("embeddingDim", Integer.toString(embeddingDim));
        s.put("kernel", Integer.toString(kernel));
        for (Map.Entry<String, String> e : loss.settings().entrySet()) {
            s.put("loss." + e.getKey(), e.getValue());
        }
        return s;
    }

    @Override
    public String toString() {
        return settings().toString();
    }

    /** Collects the values of a {@link TrainingConfig}; {@link #build()} checks them. */
    public static final class Builder {
        private int epochs = 40;
        private int batchSize = 64;
        private float learningRate = 1e-3f;
        private float weightDecay = 1e-7f;
        private Schedule schedule = Schedule.STEP;
        private int stepEpochs = 20;
        private float stepFactor = 0.5f;
        private long seed = 1;
        private String device = "cpu";
        private LossSpec loss = LossSpec.defaults();
        private int width = 64;
        private int depth = 3;
        private int embeddingDim = 64;
        private int kernel = 3;
        private boolean resume = false;
        private boolean progressBar = true;
        private int threads = 1;

        private Builder() {}

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(float value) {
            learningRate = value;
            return this;
        }

        public Builder weightDecay(float value) {
            weightDecay = value;
            return this;
        }

        public Builder schedule(Schedule value) {
            schedule = Objects.requireNonNull(value, "schedule");
            return this;
        }

        public Builder stepEpochs(int value) {
            stepEpochs = value;
            return this;
        }

        public Builder stepFactor(float value) {
            stepFactor = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** {@code cpu} or {@code gpu}, any case. */
        public Builder device(String value) {
            device = Objects.requireNonNull(value, "device").trim().toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder loss(LossSpec value) {
            loss = Objects.requireNonNull(value, "loss");
            return this;
        }

        public Builder width(int value) {
            width = value;
            return this;
        }

        public Builder depth(int value) {
            depth = value;
            return this;
        }

        public Builder embeddingDim(int value) {
            embeddingDim = value;
            return this;
        }

        public Builder kernel(int value) {
            kernel = value;
            return this;
        }

        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        public Builder progressBar(boolean value) {
            progressBar = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        /**
         * Checks the values and makes the configuration.
         *
         * @throws IllegalArgumentException naming the setting that is out of range
         */
        public TrainingConfig build() {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, found " + epochs);
            }
            if (batchSize < 2) {
                throw new IllegalArgumentException(
                        "batch size must be at least 2 (a contrastive batch needs a negative),"
                                + " found "
                                + batchSize);
            }
            if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
                throw new IllegalArgumentException(
                        "learning rate must be positive and finite, found " + learningRate);
            }
            if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
                throw new IllegalArgumentException(
                        "weight decay must be 0 or more and finite, found " + weightDecay);
            }
            if (stepEpochs < 1 || !(stepFactor > 0) || stepFactor > 1) {
                throw new IllegalArgumentException(
                        "step schedule needs stepEpochs >= 1 and 0 < stepFactor <= 1, found "
                                + stepEpochs
                                + " and "
                                + stepFactor);
            }
            if (!device.equals("cpu") && !device.equals("gpu")) {
                throw new IllegalArgumentException(
                        "unknown device '" + device + "': expected cpu or gpu");
            }
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be 0 or more, found " + threads);
            }
            // ModelConfig checks width, depth, embedding size and kernel.
            new ModelConfig(1, 1, width, depth, embeddingDim, kernel, 0f);
            return new TrainingConfig(this);
        }
    }
}
