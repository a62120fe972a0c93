package org.cagekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import java.util.Objects;

/**
 * NT-Xent (InfoNCE) between the accelerometer and gyroscope embeddings of the same windows.
 *
 * <p>With {@code A, G [N, d]} the unit-norm embeddings of a batch and {@code s} the logit scale,
 * the CLIP form builds {@code L = s · A Gᵀ [N, N]}, whose diagonal holds the positive pairs, and
 * computes
 *
 * <pre>
 *   rows    = −(1/N) Σᵢ log softmax(Lᵢ,·)ᵢ     (each accelerometer window finds its gyroscope)
 *   columns = −(1/N) Σⱼ log softmax(L·,ⱼ)ⱼ     (each gyroscope window finds its accelerometer)
 *   loss    = ½ (rows + columns)               (symmetric, the default)
 *   loss    = rows                             (one-way)
 * </pre>
 *
 * The SimCLR form stacks {@code Z = [A; G] [2N, d]}, builds {@code S = s · Z Zᵀ}, removes each
 * row's self-similarity, and takes the partner in the other modality as the positive among the
 * remaining {@code 2N − 1} candidates ({@code 2N − 2} negatives, same-modality ones included). It
 * averages the cross-entropy over all {@code 2N} rows (symmetric) or over the {@code N}
 * accelerometer rows (one-way).
 *
 * <p>The logit scale: {@code s = 1/τ} for a fixed temperature; {@code s = exp(θ)} with θ the third
 * prediction (the model's learnable log logit scale, which the trainer clamps to {@code [0, ln
 * 100]} after every optimiser step); for a scheduled temperature {@code s = 1/τ(e)} with {@link
 * #scheduledTau}.
 *
 * <p>Numerical stability: every cross-entropy goes through a log-softmax, which subtracts the row
 * maximum before exponentiating, so a very small τ never overflows. Worked values: {@code N}
 * identical embeddings make every logit equal, so each row's log-softmax is {@code −ln N} and the
 * loss is exactly {@code ln N} for any τ (ln 8 = 2.0794, ln 4 = 1.3863). A batch of one has no
 * negative: its only logit is its positive, the loss is 0 and the gradient is 0. An empty batch is
 * an error.
 *
 * <p>{@link #diagnostics()} holds {@code temperature}, the τ = 1/s of the last batch.
 */
public final class NtXentLoss extends ContrastiveLoss {
    /** Subtracted from self-similarities in the SimCLR form; exp of it is 0 in float32. */
    private static final float MASKED = 1e9f;

    private final LossSpec.Temperature mode;
    private final float tau;
    private final float tauMax;
    private final float tauMin;
    private final int warmupEpochs;
    private final LossSpec.Direction direction;
    private final LossSpec.Form form;
    private final LossSpec spec;
    private float scheduled;

    /**
     * Builds the loss from the NT-Xent settings of a spec (its triplet settings are ignored).
     *
     * @param spec loss settings; its temperature mode, τ values, direction and form are used
     */
    public NtXentLoss(LossSpec spec) {
        super("ntxent");
        this.spec = Objects.requireNonNull(spec, "spec");
        mode = spec.temperature();
        tau = spec.tau();
        tauMax = spec.tauMax();
        tauMin = spec.tauMin();
        warmupEpochs = spec.warmupEpochs();
        direction = spec.direction();
        form = spec.form();
        scheduled = tauMax;
    }

    /** Symmetric CLIP NT-Xent with a fixed temperature τ. */
    public static NtXentLoss fixed(float tau) {
        return new NtXentLoss(
                LossSpec.builder().temperature(LossSpec.Temperature.FIXED).tau(tau).build());
    }

    /** The settings this loss was built from. */
    public LossSpec spec() {
        return spec;
    }

    @Override
    public void beginEpoch(int epoch, int epochs) {
        super.beginEpoch(epoch, epochs);
        scheduled = scheduledTau(epoch, epochs, tauMax, tauMin, warmupEpochs);
    }

    /**
     * The scheduled temperature at an epoch.
     *
     * <p>Warm-up: for {@code e < W}, the logit scale rises linearly from 1 (τ = 1, nearly uniform
     * softmax) towards {@code 1/τmax}: {@code τ(e) = 1 / (1 + (1/τmax − 1) · e / W)}. Then a cosine
     * over the remaining epochs: with {@code p = (e − W) / (E − W − 1)} (0 when {@code E − W ≤ 1}),
     * {@code τ(e) = τmin + ½ (τmax − τmin)(1 + cos πp)}, so the first epoch after warm-up has τmax
     * and the last epoch τmin.
     *
     * @param epoch the epoch e, from 0
     * @param epochs the run's epochs E
     * @param tauMax τmax
     * @param tauMin τmin
     * @param warmupEpochs W
     * @return τ(e)
     */
    public static float scheduledTau(
            int epoch, int epochs, float tauMax, float tauMin, int warmupEpochs) {
        if (epoch < warmupEpochs) {
            double scale = 1 + (1 / (double) tauMax - 1) * epoch / warmupEpochs;
            return (float) (1 / scale);
        }
        int span = epochs - warmupEpochs - 1;
        double p = span <= 0 ? 0 : (epoch - warmupEpochs) / (double) span;
        return (float) (tauMin + 0.5 * (tauMax - tauMin) * (1 + Math.cos(Math.PI * p)));
    }

    /**
     * The temperature the next batch uses for a fixed or scheduled mode; for the learnable mode,
     * the one the last batch used ({@code NaN} before the first).
     */
    public float temperature() {
        switch (mode) {
            case FIXED:
                return tau;
            case SCHEDULED:
                return scheduled;
            case LEARNABLE:
                return diagnostics().getOrDefault("temperature", Float.NaN);
            default:
                throw new IllegalStateException("unhandled temperature " + mode);
        }
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray a = accel(predictions);
        NDArray g = gyro(predictions);
        long n = a.getShape().get(0);
        if (n == 0) {
            throw new IllegalArgumentException("NT-Xent needs at least one window, found none");
        }
        float temperature;
        NDArray scale;
        if (mode == LossSpec.Temperature.LEARNABLE) {
            scale = logitScale(predictions).exp();
            // θ belongs to the model's manager; keep its exp in the batch's scope.
            scale.attach(a.getManager());
            temperature = 1 / scale.toType(DataType.FLOAT32, false).getFloat(0);
        } else {
            temperature = mode == LossSpec.Temperature.FIXED ? tau : scheduled;
            scale = null;
        }
        NDArray loss =
                form == LossSpec.Form.CLIP
                        ? clip(a, g, scale, temperature)
                        : simclr(a, g, scale, temperature);
        clearDiagnostics();
        putDiagnostic("temperature", temperature);
        return loss;
    }

    private NDArray clip(NDArray a, NDArray g, NDArray scale, float temperature) {
        NDManager manager = a.getManager();
        int n = Math.toIntExact(a.getShape().get(0));
        NDArray logits = scaled(a.matMul(g.transpose()), scale, temperature);
        NDArray eye = manager.eye(n, n, 0, a.getDataType());
        NDArray rows = logits.logSoftmax(1).mul(eye).sum().div((float) -n);
        if (direction == LossSpec.Direction.ONE_WAY) {
            return rows;
        }
        NDArray columns = logits.logSoftmax(0).mul(eye).sum().div((float) -n);
        return rows.add(columns).mul(0.5f);
    }

    private NDArray simclr(NDArray a, NDArray g, NDArray scale, float temperature) {
        NDManager manager = a.getManager();
        int n = Math.toIntExact(a.getShape().get(0));
        DataType type = a.getDataType();
        NDArray z = a.concat(g, 0);
        NDArray self = manager.eye(2 * n, 2 * n, 0, type);
        NDArray similarities = scaled(z.matMul(z.transpose()), scale, temperature);
        NDArray logits = similarities.sub(self.mul(MASKED));
        // [[0, I], [I, 0]]: row i's positive is column i + N and row i + N's is column i.
        NDArray eye = manager.eye(n, n, 0, type);
        NDArray zeros = manager.zeros(eye.getShape(), type);
        NDArray partner = zeros.concat(eye, 1).concat(eye.concat(zeros, 1), 0);
        NDArray picked = logits.logSoftmax(1).mul(partner).sum(new int[] {1});
        if (direction == LossSpec.Direction.ONE_WAY) {
            return picked.get("0:" + n).sum().div((float) -n);
        }
        return picked.sum().div((float) (-2 * n));
    }

    private static NDArray scaled(NDArray similarities, NDArray scale, float temperature) {
        return scale == null ? similarities.div(temperature) : similarities.mul(scale);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> s = spec.toBuilder().loss(LossSpec.NTXENT).build().settings();
        return s;
    }
}
