package org.cagekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import java.util.Objects;

/**
 * The weighted sum of NT-Xent and the triplet loss on the same batch:
 *
 * <pre>
 *   loss = λ₁ · NT-Xent(A, G) + λ₂ · triplet(A, G)
 * </pre>
 *
 * with {@code λ₁ =} {@link LossSpec#ntxentWeight()} and {@code λ₂ =} {@link
 * LossSpec#tripletWeight()} (both 1 by default, both {@code ≥ 0}). Each term is built from the same
 * spec, so the NT-Xent term has the spec's temperature mode, direction and form, and the triplet
 * term its mining, distance, margin, negatives and label awareness.
 *
 * <p>{@link #diagnostics()} of the last batch: {@code ntxent} and {@code triplet}, the unweighted
 * value of each term, followed by the diagnostics of both terms under their own names ({@code
 * temperature}, {@code validTriplets}, ...). {@link #beginEpoch} reaches both terms, so a scheduled
 * temperature and the triplet generator follow the epochs.
 *
 * <p>N.B. the two terms have different scales: NT-Xent starts near {@code ln N} (4.85 for a batch
 * of 128), the triplet loss near its margin, so equal weights let NT-Xent dominate early in
 * training.
 */
public final class CombinedLoss extends ContrastiveLoss {
    private final LossSpec spec;
    private final NtXentLoss ntxent;
    private final TripletLoss triplet;

    /**
     * @param spec loss settings, including both weights
     * @param seed the run's seed, for random triplet mining
     */
    public CombinedLoss(LossSpec spec, long seed) {
        super("ntxent+triplet");
        this.spec = Objects.requireNonNull(spec, "spec");
        ntxent = new NtXentLoss(spec);
        triplet = new TripletLoss(spec, seed);
    }

    /** The NT-Xent term. */
    public NtXentLoss ntxent() {
        return ntxent;
    }

    /** The triplet term. */
    public TripletLoss triplet() {
        return triplet;
    }

    @Override
    public void beginEpoch(int epoch, int epochs) {
        super.beginEpoch(epoch, epochs);
        ntxent.beginEpoch(epoch, epochs);
        triplet.beginEpoch(epoch, epochs);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray first = ntxent.evaluate(labels, predictions);
        NDArray second = triplet.evaluate(labels, predictions);
        NDArray loss = first.mul(spec.ntxentWeight()).add(second.mul(spec.tripletWeight()));
        clearDiagnostics();
        putDiagnostic("ntxent", scalar(first));
        putDiagnostic("triplet", scalar(second));
        for (Map.Entry<String, Float> e : ntxent.diagnostics().entrySet()) {
            putDiagnostic(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Float> e : triplet.diagnostics().entrySet()) {
            putDiagnostic(e.getKey(), e.getValue());
        }
        return loss;
    }

    private static float scalar(NDArray value) {
        return value.toType(DataType.FLOAT32, false).getFloat();
    }

    @Override
    public Map<String, String> settings() {
        return spec.toBuilder().loss(LossSpec.COMBINED).build().settings();
    }
}
