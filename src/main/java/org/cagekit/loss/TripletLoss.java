package org.cagekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triplet margin loss between the accelerometer and gyroscope embeddings of a batch, with the
 * triplets mined inside the batch.
 *
 * <p>With {@code A, G [N, d]} the embeddings (normalised again here, {@code x / max(||x||, 1e-12)},
 * so any input works), a distance {@code d} from {@link PairwiseDistance} and margin {@code m}
 * (default 0.2), each mined triplet (anchor {@code a_i}, positive {@code p}, negative {@code n})
 * costs
 *
 * <pre>
 *   ℓ(i, p, n) = max(0, d(a_i, p) − d(a_i, n) + m)
 *   loss       = (1/T) Σ ℓ over the T mined triplets          (0 when T = 0)
 * </pre>
 *
 * <p>Label-free (the default): the positive of {@code a_i} is {@code g_i}, the gyroscope embedding
 * of the same window, and the negatives are the gyroscope embeddings {@code g_j, j ≠ i} ({@link
 * LossSpec.Negatives#CROSS_MODAL}) or, with {@link LossSpec.Negatives#ALL}, also the accelerometer
 * embeddings {@code a_j, j ≠ i}. A window's own embeddings are never its negatives. Label-aware
 * ({@link LossSpec#labelAware()}, a supervised reference): the positives of {@code a_i} are the
 * {@code g_j} of every window of the same class ({@code g_i} included) and the negatives are the
 * windows of the other classes. The labels are then {@code NDList(class ids [N])}; the label-free
 * loss ignores them.
 *
 * <p>Mining ({@link TripletMiner}: random, hard, semi-hard with its fallback, batch-all) reads the
 * distance matrix as plain numbers, without gradient; the chosen distances are then picked out of
 * the differentiable matrix by their flat indices ({@code take}), so the gradient flows through
 * exactly the mined entries. For batch-all {@code T} is the number of triplets that violate the
 * margin, so the loss is their mean.
 *
 * <p>Edge cases. {@code N} identical windows with cross-modal negatives make every distance equal,
 * so every triplet costs exactly {@code m} (0.2000 by default) with any mining, and the batch is
 * reported as collapsed: {@code collapsed = 1} in the diagnostics and a warning, once per epoch,
 * because such a batch carries no signal. A batch without a valid triplet (one window; one class in
 * the label-aware mode) gives 0 with an all-zero gradient, never NaN. Identical anchor and positive
 * keep the gradient finite through the floored square root of {@link PairwiseDistance}. A small
 * last batch needs no special care: with {@code N ≥ 2} every anchor has a negative. An empty batch
 * is an error.
 *
 * <p>{@link #diagnostics()} of the last batch: {@code validTriplets} (see {@link
 * MinedTriplets#validTriplets()}), {@code positiveLossFraction} (valid triplets with {@code ℓ > 0}
 * over valid triplets), {@code fallbacks} (semi-hard anchor-positive pairs without a semi-hard
 * negative), {@code anchorPositiveDistance} and {@code anchorNegativeDistance} (means over the
 * mined triplets, 0 when there is none), {@code collapsed} (1 when, for every anchor, its positive
 * and all its negatives lie at the same distance within the equivalent of a cosine distance of
 * {@link #COLLAPSE_COSINE_DISTANCE}, see {@link MinedTriplets#distanceSpread()}; else 0).
 *
 * <p>Randomness: random mining draws from a generator restarted at every {@link #beginEpoch} from
 * the run's seed and the epoch index, so a run resumed at an epoch boundary mines what an
 * uninterrupted one would. Evaluating the same prediction arrays twice in a row (DJL's loss
 * accumulators do that after the training step) reuses the first mining instead of drawing again.
 *
 * <p>N.B. the anchor is always the accelerometer embedding; there is no gyroscope-anchored term.
 * Both encoders still learn, the gyroscope one through the positives and negatives. Batch-all
 * considers {@code N · P · M} triplets; in the label-aware mode with few classes that is of the
 * order of {@code N³ / C}, which is fine for batches of a few hundred windows but not for
 * thousands.
 */
public final class TripletLoss extends ContrastiveLoss {
    /**
     * A batch whose anchors all see their candidates within this cosine distance of each other
     * (converted to the loss's distance by {@link PairwiseDistance#fromCosine}) has collapsed.
     */
    public static final float COLLAPSE_COSINE_DISTANCE = 1e-5f;

    private static final Logger LOG = LoggerFactory.getLogger(TripletLoss.class);

    private final LossSpec spec;
    private final long seed;
    private final TripletMiner miner;
    private final float collapseDistance;
    private boolean collapseWarned;
    private int epoch = -1;
    private NDArray lastAccel;
    private NDArray lastGyro;
    private MinedTriplets lastMined;
    private float meanPositive;
    private float meanNegative;

    /**
     * Builds the loss from the triplet settings of a spec (mining, distance, margin, negatives,
     * label awareness; the NT-Xent settings are ignored).
     *
     * @param spec loss settings
     * @param seed the run's seed, for random mining
     */
    public TripletLoss(LossSpec spec, long seed) {
        super("triplet");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.seed = seed;
        miner = new TripletMiner(spec.mining(), spec.margin(), epochSeed(seed, 0));
        collapseDistance = PairwiseDistance.fromCosine(spec.distance(), COLLAPSE_COSINE_DISTANCE);
    }

    /** Label-free cross-modal triplet loss with the given mining, distance and margin. */
    public static TripletLoss of(
            LossSpec.Mining mining, LossSpec.Distance distance, float margin, long seed) {
        return new TripletLoss(
                LossSpec.builder()
                        .loss(LossSpec.TRIPLET)
                        .mining(mining)
                        .distance(distance)
                        .margin(margin)
                        .build(),
                seed);
    }

    /** The settings this loss was built from. */
    public LossSpec spec() {
        return spec;
    }

    /** The triplets mined from the last evaluated batch; {@code null} before the first. */
    public MinedTriplets lastTriplets() {
        return lastMined;
    }

    /**
     * The seed of an epoch's random generator: the run's seed and the epoch index mixed by the
     * SplitMix64 finaliser, so that neighbouring seeds and epochs give unrelated sequences.
     */
    public static long epochSeed(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void beginEpoch(int epoch, int epochs) {
        super.beginEpoch(epoch, epochs);
        this.epoch = epoch;
        miner.reseed(epochSeed(seed, epoch));
        collapseWarned = false;
        lastAccel = null;
        lastGyro = null;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray a = unit(accel(predictions));
        NDArray g = unit(gyro(predictions));
        int n = Math.toIntExact(a.getShape().get(0));
        if (n == 0) {
            throw new IllegalArgumentException(
                    "triplet loss needs at least one window, found none");
        }
        NDArray positiveDistance = PairwiseDistance.of(spec.distance(), a, g);
        NDArray negativeDistance =
                spec.negatives() == LossSpec.Negatives.ALL
                        ? positiveDistance.concat(PairwiseDistance.of(spec.distance(), a, a), 1)
                        : positiveDistance;
        MinedTriplets mined = mine(labels, predictions, n, positiveDistance, negativeDistance);
        report(mined);
        if (mined.size() == 0) {
            // Zero, yet connected to the inputs, so that a backward pass still runs.
            return positiveDistance.sum().mul(0f);
        }
        NDManager manager = a.getManager();
        int m = Math.toIntExact(negativeDistance.getShape().get(1));
        long[] positiveIndex = new long[mined.size()];
        long[] negativeIndex = new long[mined.size()];
        for (int t = 0; t < mined.size(); t++) {
            positiveIndex[t] = (long) mined.anchor()[t] * n + mined.positive()[t];
            negativeIndex[t] = (long) mined.anchor()[t] * m + mined.negative()[t];
        }
        NDArray dp = positiveDistance.take(manager, manager.create(positiveIndex));
        NDArray dn = negativeDistance.take(manager, manager.create(negativeIndex));
        return Activation.relu(dp.sub(dn).add(spec.margin())).sum().div(mined.size());
    }

    private MinedTriplets mine(
            NDList labels,
            NDList predictions,
            int n,
            NDArray positiveDistance,
            NDArray negativeDistance) {
        if (lastMined != null
                && predictions.get(0) == lastAccel
                && predictions.get(1) == lastGyro) {
            return lastMined;
        }
        float[] positive = plain(positiveDistance);
        float[] negative =
                negativeDistance == positiveDistance ? positive : plain(negativeDistance);
        TripletCandidates candidates =
                spec.labelAware()
                        ? TripletCandidates.labelAware(classes(labels, n), positive, negative)
                        : TripletCandidates.labelFree(n, positive, negative);
        MinedTriplets mined = miner.mine(candidates);
        lastAccel = predictions.get(0);
        lastGyro = predictions.get(1);
        lastMined = mined;
        if (mined.size() > 0) {
            float dp = 0;
            float dn = 0;
            int positives = candidates.positives();
            int negatives = candidates.negatives();
            for (int t = 0; t < mined.size(); t++) {
                dp += positive[mined.anchor()[t] * positives + mined.positive()[t]];
                dn += negative[mined.anchor()[t] * negatives + mined.negative()[t]];
            }
            meanPositive = dp / mined.size();
            meanNegative = dn / mined.size();
        } else {
            // 0 rather than NaN, so that the epoch means of the history stay finite.
            meanPositive = 0f;
            meanNegative = 0f;
        }
        return mined;
    }

    private void report(MinedTriplets mined) {
        boolean collapsed = mined.validTriplets() > 0 && mined.distanceSpread() <= collapseDistance;
        clearDiagnostics();
        putDiagnostic("validTriplets", mined.validTriplets());
        putDiagnostic("positiveLossFraction", mined.activeFraction());
        putDiagnostic("fallbacks", mined.fallbacks());
        putDiagnostic("anchorPositiveDistance", meanPositive);
        putDiagnostic("anchorNegativeDistance", meanNegative);
        putDiagnostic("collapsed", collapsed ? 1f : 0f);
        if (collapsed && !collapseWarned) {
            collapseWarned = true;
            LOG.warn(
                    "triplet loss{}: the embeddings of a batch have collapsed (every anchor"
                            + " sees its positive and its negatives within {} {} distance of"
                            + " each other), so every triplet costs the margin {} and the batch"
                            + " cannot separate windows",
                    epoch >= 0 ? " in epoch " + (epoch + 1) : "",
                    collapseDistance,
                    spec.distance().label(),
                    spec.margin());
        }
    }

    private static long[] classes(NDList labels, int n) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException(
                    "label-aware triplet loss needs labels NDList(class ids [N]), found none");
        }
        NDArray ids = labels.get(0);
        if (ids.size() != n) {
            throw new IllegalArgumentException(
                    "label-aware triplet loss: expected "
                            + n
                            + " class ids, one per window, found shape "
                            + ids.getShape());
        }
        return ids.toType(DataType.INT64, false).toLongArray();
    }

    private static float[] plain(NDArray distances) {
        return distances.toType(DataType.FLOAT32, false).toFloatArray();
    }

    private static NDArray unit(NDArray x) {
        // Flooring the squared norm, not the norm, keeps the square root away from zero.
        NDArray norm = x.square().sum(new int[] {1}, true).maximum(1e-24f).sqrt();
        return x.div(norm);
    }

    @Override
    public Map<String, String> settings() {
        return spec.toBuilder().loss(LossSpec.TRIPLET).build().settings();
    }
}
