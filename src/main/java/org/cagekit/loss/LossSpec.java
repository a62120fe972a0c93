package org.cagekit.loss;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a contrastive loss, as plain values: which loss, its temperature, its direction
 * and form, the triplet settings and the weights of a combined loss. {@link LossFactory} turns a
 * spec into a {@link ContrastiveLoss}; {@link #settings()} is what a model card records.
 *
 * <p>Defaults: NT-Xent, CLIP-symmetric, learnable temperature starting at τ = 0.07; scheduled
 * temperature from τmax = 0.2 to τmin = 0.05 without warm-up; triplet with semi-hard mining, cosine
 * distance, margin 0.2, cross-modal negatives, label-free; λ₁ = λ₂ = 1.
 *
 * <p>Instances are immutable; use {@link #builder()} or {@link #toBuilder()}.
 */
public final class LossSpec {
    /** Name of the NT-Xent (InfoNCE) loss. */
    public static final String NTXENT = "ntxent";

    /** Name of the triplet loss. */
    public static final String TRIPLET = "triplet";

    /** Name of the combined loss λ₁·NT-Xent + λ₂·triplet. */
    public static final String COMBINED = "ntxent+triplet";

    /** How the NT-Xent logit scale {@code s} is chosen. */
    public enum Temperature {
        /** {@code s = 1 / τ}, constant. */
        FIXED,
        /** {@code s = exp(θ)}, θ the model's learnable log logit scale. */
        LEARNABLE,
        /** τ follows a cosine from τmax to τmin over the epochs, after a linear warm-up. */
        SCHEDULED;

        /** The name on the command line and in model cards. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code fixed}, {@code learnable} or {@code scheduled}, any case. */
        public static Temperature parse(String text) {
            return parseEnum(Temperature.class, text, "temperature");
        }
    }

    /** Which cross-entropy terms NT-Xent averages. */
    public enum Direction {
        /** ½ [CE(rows) + CE(columns)]: accelerometer→gyroscope and gyroscope→accelerometer. */
        SYMMETRIC,
        /** CE(rows) only: each accelerometer window must find its gyroscope partner. */
        ONE_WAY;

        /** The name on the command line and in model cards. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses {@code symmetric} or {@code one-way}, any case. */
        public static Direction parse(String text) {
            return parseEnum(Direction.class, text, "direction");
        }
    }

    /** Which candidates NT-Xent compares a window with. */
    public enum Form {
        /** N×N cross-modal logits, N − 1 negatives per row. */
        CLIP,
        /** 2N×2N logits over both modalities, 2N − 2 negatives per row (same modality too). */
        SIMCLR;

        /** The name on the command line and in model cards. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code clip} or {@code simclr}, any case. */
        public static Form parse(String text) {
            return parseEnum(Form.class, text, "form");
        }
    }

    /** How the triplet loss picks a negative for each anchor. */
    public enum Mining {
        /** One seeded random negative per anchor. */
        RANDOM,
        /** The closest negative. */
        HARD,
        /** FaceNet's semi-hard negative: d(a,p) &lt; d(a,n) &lt; d(a,p) + margin. */
        SEMI_HARD,
        /** The mean over all triplets that violate the margin. */
        BATCH_ALL;

        /** The name on the command line and in model cards. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses {@code random}, {@code hard}, {@code semi-hard} or {@code batch-all}. */
        public static Mining parse(String text) {
            return parseEnum(Mining.class, text, "mining");
        }
    }

    /** The distance the triplet loss measures between normalised embeddings. */
    public enum Distance {
        /** {@code 1 − a·b}. */
        COSINE,
        /** {@code ||a − b||}. */
        EUCLIDEAN,
        /** {@code ||a − b||²}. */
        SQUARED_EUCLIDEAN;

        /** The name on the command line and in model cards. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses {@code cosine}, {@code euclidean} or {@code squared-euclidean}. */
        public static Distance parse(String text) {
            return parseEnum(Distance.class, text, "distance");
        }
    }

    /** Where the triplet loss draws negatives from. */
    public enum Negatives {
        /** Gyroscope embeddings of the other windows. */
        CROSS_MODAL,
        /** Gyroscope and accelerometer embeddings of the other windows. */
        ALL;

        /** The name on the command line and in model cards. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses {@code cross-modal} or {@code all}. */
        public static Negatives parse(String text) {
            return parseEnum(Negatives.class, text, "negatives");
        }
    }

    private final String loss;
    private final Temperature temperature;
    private final float tau;
    private final float tauMax;
    private final float tauMin;
    private final int warmupEpochs;
    private final Direction direction;
    private final Form form;
    private final Mining mining;
    private final Distance distance;
    private final float margin;
    private final Negatives negatives;
    private final boolean labelAware;
    private final float ntxentWeight;
    private final float tripletWeight;

    private LossSpec(Builder b) {
        loss = b.loss;
        temperature = b.temperature;
        tau = b.tau;
        tauMax = b.tauMax;
        tauMin = b.tauMin;
        warmupEpochs = b.warmupEpochs;
        direction = b.direction;
        form = b.form;
        mining = b.mining;
        distance = b.distance;
        margin = b.margin;
        negatives = b.negatives;
        labelAware = b.labelAware;
        ntxentWeight = b.ntxentWeight;
        tripletWeight = b.tripletWeight;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default spec: symmetric CLIP NT-Xent with a learnable temperature. */
    public static LossSpec defaults() {
        return builder().build();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.loss = loss;
        b.temperature = temperature;
        b.tau = tau;
        b.tauMax = tauMax;
        b.tauMin = tauMin;
        b.warmupEpochs = warmupEpochs;
        b.direction = direction;
        b.form = form;
        b.mining = mining;
        b.distance = distance;
        b.margin = margin;
        b.negatives = negatives;
        b.labelAware = labelAware;
        b.ntxentWeight = ntxentWeight;
        b.tripletWeight = tripletWeight;
        return b;
    }

    /** {@link #NTXENT}, {@link #TRIPLET} or {@link #COMBINED}. */
    public String loss() {
        return loss;
    }

    public Temperature temperature() {
        return temperature;
    }

    /**
     * The temperature τ: the constant one for {@link Temperature#FIXED}, the starting one ({@code
     * θ₀ = ln(1/τ)}) for {@link Temperature#LEARNABLE}; unused by {@link Temperature#SCHEDULED}.
     */
    public float tau() {
        return tau;
    }

    /** The scheduled temperature's value after warm-up, at the first cosine epoch. */
    public float tauMax() {
        return tauMax;
    }

    /** The scheduled temperature's value at the last epoch. */
    public float tauMin() {
        return tauMin;
    }

    /** Epochs of linear warm-up before the scheduled temperature's cosine starts. */
    public int warmupEpochs() {
        return warmupEpochs;
    }

    public Direction direction() {
        return direction;
    }

    public Form form() {
        return form;
    }

    public Mining mining() {
        return mining;
    }

    public Distance distance() {
        return distance;
    }

    /** The triplet margin. */
    public float margin() {
        return margin;
    }

    public Negatives negatives() {
        return negatives;
    }

    /** Whether the triplet loss takes positives and negatives from the class labels. */
    public boolean labelAware() {
        return labelAware;
    }

    /** λ₁, the weight of the NT-Xent term of the combined loss. */
    public float ntxentWeight() {
        return ntxentWeight;
    }

    /** λ₂, the weight of the triplet term of the combined loss. */
    public float tripletWeight() {
        return tripletWeight;
    }

    /** Whether the loss has an NT-Xent term. */
    public boolean usesNtXent() {
        return loss.equals(NTXENT) || loss.equals(COMBINED);
    }

    /** Whether the loss has a triplet term. */
    public boolean usesTriplet() {
        return loss.equals(TRIPLET) || loss.equals(COMBINED);
    }

    /**
     * The settings that matter for this loss, in a stable order, as text: what {@code model.json}
     * records under {@code loss}. {@link #fromSettings} reads them back.
     */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("loss", loss);
        if (usesNtXent()) {
            s.put("temperature", temperature.label());
            switch (temperature) {
                case FIXED:
                case LEARNABLE:
                    s.put("tau", text(tau));
                    break;
                case SCHEDULED:
                    s.put("tauMax", text(tauMax));
                    s.put("tauMin", text(tauMin));
                    s.put("warmupEpochs", Integer.toString(warmupEpochs));
                    break;
                default:
                    throw new IllegalStateException("unhandled temperature " + temperature);
            }
            s.put("direction", direction.label());
            s.put("form", form.label());
        }
        if (usesTriplet()) {
            s.put("mining", mining.label());
            s.put("distance", distance.label());
            s.put("margin", text(margin));
            s.put("negatives", negatives.label());
            s.put("labelAware", Boolean.toString(labelAware));
        }
        if (loss.equals(COMBINED)) {
            s.put("ntxentWeight", text(ntxentWeight));
            s.put("tripletWeight", text(tripletWeight));
        }
        return s;
    }

    /**
     * Rebuilds a spec from {@link #settings()}; absent keys keep their defaults.
     *
     * @throws IllegalArgumentException naming the key whose value is not understood
     */
    public static LossSpec fromSettings(Map<String, String> settings) {
        Builder b = builder();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "loss":
                    b.loss(v);
                    break;
                case "temperature":
                    b.temperature(Temperature.parse(v));
                    break;
                case "tau":
                    b.tau(number(e));
                    break;
                case "tauMax":
                    b.tauMax(number(e));
                    break;
                case "tauMin":
                    b.tauMin(number(e));
                    break;
                case "warmupEpochs":
                    b.warmupEpochs((int) number(e));
                    break;
                case "direction":
                    b.direction(Direction.parse(v));
                    break;
                case "form":
                    b.form(Form.parse(v));
                    break;
                case "mining":
                    b.mining(Mining.parse(v));
                    break;
                case "distance":
                    b.distance(Distance.parse(v));
                    break;
                case "margin":
                    b.margin(number(e));
                    break;
                case "negatives":
                    b.negatives(Negatives.parse(v));
                    break;
                case "labelAware":
                    b.labelAware(Boolean.parseBoolean(v));
                    break;
                case "ntxentWeight":
                    b.ntxentWeight(number(e));
                    break;
                case "tripletWeight":
                    b.tripletWeight(number(e));
                    break;
                default:
                    throw new IllegalArgumentException(
                            "loss setting '" + e.getKey() + "' is not known");
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossSpec && ((LossSpec) o).settings().equals(settings());
    }

    @Override
    public int hashCode() {
        return settings().hashCode();
    }

    @Override
    public String toString() {
        return settings().toString();
    }

    private static float number(Map.Entry<String, String> e) {
        try {
            return Float.parseFloat(e.getValue());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(
                    "loss setting "
                            + e.getKey()
                            + ": expected a number, found '"
                            + e.getValue()
                            + "'",
                    ex);
        }
    }

    private static String text(float value) {
        return Float.toString(value);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String what) {
        Objects.requireNonNull(text, what);
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (expected.length() > 0) {
                expected.append(", ");
            }
            expected.append(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException(
                "unknown " + what + " '" + text + "': expected one of " + expected);
    }

    /** Collects the values of a {@link LossSpec}; {@link #build()} checks them. */
    public static final class Builder {
        private String loss = NTXENT;
        private Temperature temperature = Temperature.LEARNABLE;
        private float tau = 0.07f;
        private float tauMax = 0.2f;
        private float tauMin = 0.05f;
        private int warmupEpochs = 0;
        private Direction direction = Direction.SYMMETRIC;
        private Form form = Form.CLIP;
        private Mining mining = Mining.SEMI_HARD;
        private Distance distance = Distance.COSINE;
        private float margin = 0.2f;
        private Negatives negatives = Negatives.CROSS_MODAL;
        private boolean labelAware = false;
        private float ntxentWeight = 1f;
        private float tripletWeight = 1f;

        private Builder() {}

        /** {@code ntxent}, {@code triplet} or {@code ntxent+triplet}. */
        public Builder loss(String value) {
            loss = Objects.requireNonNull(value, "loss").trim().toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder temperature(Temperature value) {
            temperature = Objects.requireNonNull(value, "temperature");
            return this;
        }

        public Builder tau(float value) {
            tau = value;
            return this;
        }

        public Builder tauMax(float value) {
            tauMax = value;
            return this;
        }

        public Builder tauMin(float value) {
            tauMin = value;
            return this;
        }

        public Builder warmupEpochs(int value) {
            warmupEpochs = value;
            return this;
        }

        public Builder direction(Direction value) {
            direction = Objects.requireNonNull(value, "direction");
            return this;
        }

        public Builder form(Form value) {
            form = Objects.requireNonNull(value, "form");
            return this;
        }

        public Builder mining(Mining value) {
            mining = Objects.requireNonNull(value, "mining");
            return this;
        }

        public Builder distance(Distance value) {
            distance = Objects.requireNonNull(value, "distance");
            return this;
        }

        public Builder margin(float value) {
            margin = value;
            return this;
        }

        public Builder negatives(Negatives value) {
            negatives = Objects.requireNonNull(value, "negatives");
            return this;
        }

        public Builder labelAware(boolean value) {
            labelAware = value;
            return this;
        }

        public Builder ntxentWeight(float value) {
            ntxentWeight = value;
            return this;
        }

        public Builder tripletWeight(float value) {
            tripletWeight = value;
            return this;
        }

        /**
         * Checks the values and makes the spec.
         *
         * @throws IllegalArgumentException naming the setting that is out of range
         */
        public LossSpec build() {
            if (!loss.equals(NTXENT) && !loss.equals(TRIPLET) && !loss.equals(COMBINED)) {
                throw new IllegalArgumentException(
                        "unknown loss '"
                                + loss
                                + "': expected "
                                + NTXENT
                                + ", "
                                + TRIPLET
                                + " or "
                                + COMBINED);
            }
            positive("tau", tau);
            positive("tauMax", tauMax);
            positive("tauMin", tauMin);
            if (tauMin > tauMax) {
                throw new IllegalArgumentException(
                        "tauMin " + tauMin + " must not exceed tauMax " + tauMax);
            }
            if (warmupEpochs < 0) {
                throw new IllegalArgumentException(
                        "warmupEpochs must be 0 or more, found " + warmupEpochs);
            }
            if (!(margin >= 0) || Float.isInfinite(margin)) {
                throw new IllegalArgumentException(
                        "margin must be a finite number of 0 or more, found " + margin);
            }
            if (!(ntxentWeight >= 0) || !(tripletWeight >= 0)) {
                throw new IllegalArgumentException(
                        "loss weights must be 0 or more, found ntxentWeight "
                                + ntxentWeight
                                + ", tripletWeight "
                                + tripletWeight);
            }
            return new LossSpec(this);
        }

        private static void positive(String name, float value) {
            if (!(value > 0) || Float.isInfinite(value)) {
                throw new IllegalArgumentException(
                        name + " must be a positive finite number, found " + value);
            }
        }
    }
}
