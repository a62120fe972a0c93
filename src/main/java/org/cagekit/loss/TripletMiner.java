package org.cagekit.loss;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Chooses triplets (anchor, positive, negative) from the distances of one batch. Mining reads plain
 * distance values, so it never takes part in the gradient; {@link TripletLoss} then recomputes the
 * chosen distances with gradient by their indices.
 *
 * <p>For every anchor {@code i} and every positive {@code p} of it (label-free: the single positive
 * {@code g_i}), with {@code d_p = d(a_i, p)}, the valid negatives {@code n} of the anchor and
 * margin {@code m}:
 *
 * <ul>
 *   <li><b>random</b>: {@code k = random.nextInt(c)} on a {@link java.util.Random} seeded once at
 *       construction, where {@code c} is the number of valid negatives; the {@code k}-th valid
 *       negative in index order is chosen. One draw per anchor-positive pair that has a negative,
 *       in anchor order, so a seed and a sequence of batches give one sequence of choices.
 *   <li><b>hard</b>: the negative with the smallest {@code d(a_i, n)}; in the label-aware mode the
 *       positive is first replaced by the farthest positive of the anchor (batch-hard), so there is
 *       one triplet per anchor.
 *   <li><b>semi-hard</b>: the negative with the smallest {@code d(a_i, n)} among those with {@code
 *       d_p < d(a_i, n) < d_p + m}. <em>Fallback</em>, counted in {@link
 *       MinedTriplets#fallbacks()}: when that band is empty, the negative with the largest {@code
 *       d(a_i, n) ≤ d_p} (the mildest of the negatives that are closer than the positive, whose
 *       loss exceeds the margin but less than any other violator's); if there is none either, every
 *       negative lies at or beyond {@code d_p + m} and the closest one is used, at zero loss. In
 *       the label-aware mode every positive of the anchor gets its own negative.
 *   <li><b>batch-all</b>: every valid (anchor, positive, negative) combination counts as valid;
 *       those with {@code d_p - d(a_i, n) + m > 0} are returned, and the loss is their mean.
 * </ul>
 *
 * <p>Ties go to the lowest index. An anchor without a valid negative (a batch of one window, or a
 * label-aware batch of one class) yields no triplet; a batch without any triplet is reported with
 * {@link MinedTriplets#size()} 0 and the loss is zero.
 *
 * <p>Instances hold the random generator and are therefore not thread-safe.
 */
public final class TripletMiner {
    private final LossSpec.Mining mining;
    private final float margin;
    private final Random random;

    /**
     * @param mining the strategy
     * @param margin {@code m}, non-negative and finite
     * @param seed seed of the generator used by {@link LossSpec.Mining#RANDOM}
     * @throws IllegalArgumentException when the margin is negative or not finite
     */
    public TripletMiner(LossSpec.Mining mining, float margin, long seed) {
        this.mining = Objects.requireNonNull(mining, "mining");
        if (!(margin >= 0f) || Float.isInfinite(margin)) {
            throw new IllegalArgumentException(
                    "triplet margin: expected a finite value >= 0, found " + margin);
        }
        this.margin = margin;
        this.random = new Random(seed);
    }

    /**
     * Restarts the random generator from a seed, as at construction; the loss does this at each
     * epoch so that an epoch's choices depend on the seed and the epoch alone.
     */
    public void reseed(long seed) {
        random.setSeed(seed);
    }

    public LossSpec.Mining mining() {
        return mining;
    }

    public float margin() {
        return margin;
    }

    /** Mines one batch; see the class documentation for the rules. */
    public MinedTriplets mine(TripletCandidates candidates) {
        int n = candidates.anchors();
        IndexBuffer chosen = new IndexBuffer(Math.max(n, 16));
        int valid = 0;
        int active = 0;
        int fallbacks = 0;
        float spread = Float.NaN;
        int[] negatives = new int[candidates.negatives()];
        for (int i = 0; i < n; i++) {
            int count = 0;
            float closest = Float.POSITIVE_INFINITY;
            float farthest = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < candidates.negatives(); j++) {
                if (candidates.isNegative(i, j)) {
                    negatives[count++] = j;
                    float d = candidates.negativeDistance(i, j);
                    closest = Math.min(closest, d);
                    farthest = Math.max(farthest, d);
                }
            }
            if (count == 0) {
                continue;
            }
            for (int p = 0; p < candidates.positives(); p++) {
                if (candidates.isPositive(i, p)) {
                    float d = candidates.positiveDistance(i, p);
                    closest = Math.min(closest, d);
                    farthest = Math.max(farthest, d);
                }
            }
            if (Float.isNaN(spread) || farthest - closest > spread) {
                spread = farthest - closest;
            }
            if (mining == LossSpec.Mining.HARD) {
                int p = farthestPositive(candidates, i);
                int negative = nearest(candidates, i, negatives, count);
                valid++;
                active += violates(candidates, i, p, negative) ? 1 : 0;
                chosen.add(i, p, negative);
                continue;
            }
            for (int p = 0; p < candidates.positives(); p++) {
                if (!candidates.isPositive(i, p)) {
                    continue;
                }
                switch (mining) {
                    case RANDOM:
                        {
                            int negative = negatives[random.nextInt(count)];
                            valid++;
                            active += violates(candidates, i, p, negative) ? 1 : 0;
                            chosen.add(i, p, negative);
                            break;
                        }
                    case SEMI_HARD:
                        {
                            int negative = semiHard(candidates, i, p, negatives, count);
                            if (negative < 0) {
                                fallbacks++;
                                negative = fallback(candidates, i, p, negatives, count);
                            }
                            valid++;
                            active += violates(candidates, i, p, negative) ? 1 : 0;
                            chosen.add(i, p, negative);
                            break;
                        }
                    case BATCH_ALL:
                        for (int k = 0; k < count; k++) {
                            valid++;
                            if (violates(candidates, i, p, negatives[k])) {
                                active++;
                                chosen.add(i, p, negatives[k]);
                            }
                        }
                        break;
                    default:
                        throw new IllegalStateException("mining " + mining + " has no rule");
                }
            }
        }
        return new MinedTriplets(
                chosen.anchors(),
                chosen.positives(),
                chosen.negatives(),
                valid,
                active,
                fallbacks,
                spread);
    }

    private boolean violates(TripletCandidates candidates, int i, int p, int negative) {
        return candidates.positiveDistance(i, p) - candidates.negativeDistance(i, negative) + margin
                > 0f;
    }

    private static int farthestPositive(TripletCandidates candidates, int i) {
        int best = -1;
        for (int p = 0; p < candidates.positives(); p++) {
            if (candidates.isPositive(i, p)
                    && (best < 0
                            || candidates.positiveDistance(i, p)
                                    > candidates.positiveDistance(i, best))) {
                best = p;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException(
                    "triplet candidates: anchor " + i + " has no positive candidate");
        }
        return best;
    }

    private static int nearest(TripletCandidates candidates, int i, int[] negatives, int count) {
        int best = negatives[0];
        for (int k = 1; k < count; k++) {
            if (candidates.negativeDistance(i, negatives[k])
                    < candidates.negativeDistance(i, best)) {
                best = negatives[k];
            }
        }
        return best;
    }

    private int semiHard(TripletCandidates candidates, int i, int p, int[] negatives, int count) {
        float positive = candidates.positiveDistance(i, p);
        float upper = positive + margin;
        int best = -1;
        for (int k = 0; k < count; k++) {
            float d = candidates.negativeDistance(i, negatives[k]);
            if (d > positive
                    && d < upper
                    && (best < 0 || d < candidates.negativeDistance(i, best))) {
                best = negatives[k];
            }
        }
        return best;
    }

    private static int fallback(
            TripletCandidates candidates, int i, int p, int[] negatives, int count) {
        float positive = candidates.positiveDistance(i, p);
        int best = -1;
        for (int k = 0; k < count; k++) {
            float d = candidates.negativeDistance(i, negatives[k]);
            if (d <= positive && (best < 0 || d > candidates.negativeDistance(i, best))) {
                best = negatives[k];
            }
        }
        return best >= 0 ? best : nearest(candidates, i, negatives, count);
    }

    /** Growable parallel int arrays; batch-all may choose up to {@code N·P·M} triplets. */
    private static final class IndexBuffer {
        private int[] anchors;
        private int[] positives;
        private int[] negatives;
        private int size;

        IndexBuffer(int capacity) {
            anchors = new int[capacity];
            positives = new int[capacity];
            negatives = new int[capacity];
        }

        void add(int anchor, int positive, int negative) {
            if (size == anchors.length) {
                int grown = Math.max(16, anchors.length * 2);
                anchors = Arrays.copyOf(anchors, grown);
                positives = Arrays.copyOf(positives, grown);
                negatives = Arrays.copyOf(negatives, grown);
            }
            anchors[size] = anchor;
            positives[size] = positive;
            negatives[size] = negative;
            size++;
        }

        int[] anchors() {
            return Arrays.copyOf(anchors, size);
        }

        int[] positives() {
            return Arrays.copyOf(positives, size);
        }

        int[] negatives() {
            return Arrays.copyOf(negatives, size);
        }
    }
}
