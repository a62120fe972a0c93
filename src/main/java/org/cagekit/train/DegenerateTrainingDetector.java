package org.cagekit.train;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spots training that cannot learn, from the epochs' history rows, and says so once per kind.
 *
 * <ul>
 *   <li>Constant loss: the training loss of {@value #CONSTANT_EPOCHS} consecutive epochs varies by
 *       less than {@code 1e-6 · max(1, |loss|)}.
 *   <li>Zero gradients: every batch of an epoch had a global gradient norm of exactly 0.
 *   <li>Collapse: the mean pairwise cosine similarity between different windows' embeddings ({@link
 *       #meanPairwiseCosine}) exceeds {@value #COLLAPSE_COSINE}; the encoder then maps every window
 *       to nearly the same point.
 * </ul>
 */
public final class DegenerateTrainingDetector {
    /** Consecutive epochs of unchanged loss that raise the constant-loss warning. */
    public static final int CONSTANT_EPOCHS = 3;

    /** Mean pairwise cosine above which the embeddings count as collapsed. */
    public static final float COLLAPSE_COSINE = 0.99f;

    private final List<Float> losses = new ArrayList<>();
    private boolean warnedConstant;
    private boolean warnedZero;
    private boolean warnedCollapse;

    /**
     * The mean cosine similarity between the rows of unit-norm embeddings {@code [N, d]}, over the
     * {@code N(N−1)} ordered pairs of different rows: {@code (||Σᵢ eᵢ||² − N) / (N(N − 1))}. 1 for
     * identical rows; about 0 for unrelated ones. For {@code N = 1}, 0.
     */
    public static float meanPairwiseCosine(NDArray embeddings) {
        long n = embeddings.getShape().get(0);
        if (n < 2) {
            return 0f;
        }
        double squared = embeddings.sum(new int[] {0}).square().sum().getFloat();
        return (float) ((squared - n) / (n * (double) (n - 1)));
    }

    /** Whether a mean pairwise cosine counts as collapsed. */
    public static boolean collapsed(float meanCosine) {
        return meanCosine > COLLAPSE_COSINE;
    }

    /**
     * Looks at a finished epoch.
     *
     * @param record the epoch's row
     * @param maxGradientNorm the largest global gradient norm of the epoch's batches
     * @return new warnings, each a sentence naming the epoch
     */
    public List<String> check(EpochRecord record, double maxGradientNorm) {
        List<String> warnings = new ArrayList<>();
        losses.add(record.loss());
        if (!warnedZero && maxGradientNorm == 0) {
            warnedZero = true;
            warnings.add(
                    String.format(
                            Locale.ROOT,
                            "epoch %d: every gradient is zero; the parameters cannot change (is"
                                    + " the loss connected to the model?)",
                            record.epoch()));
        }
        if (!warnedCollapse && collapsed(record.meanCosine())) {
            warnedCollapse = true;
            warnings.add(
                    String.format(
                            Locale.ROOT,
                            "epoch %d: embeddings collapsed: mean pairwise cosine %.4f > %.2f",
                            record.epoch(),
                            record.meanCosine(),
                            COLLAPSE_COSINE));
        }
        int n = losses.size();
        if (!warnedConstant && n >= CONSTANT_EPOCHS) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float loss : losses.subList(n - CONSTANT_EPOCHS, n)) {
                min = Math.min(min, loss);
                max = Math.max(max, loss);
            }
            if (max - min < 1e-6 * Math.max(1, Math.abs(max))) {
                warnedConstant = true;
                warnings.add(
                        String.format(
                                Locale.ROOT,
                                "epochs %d-%d: the training loss stays at %.6f",
                                record.epoch() - CONSTANT_EPOCHS + 1,
                                record.epoch(),
                                max));
            }
        }
        return warnings;
    }
}
