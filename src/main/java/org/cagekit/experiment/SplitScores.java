package org.cagekit.experiment;

import java.util.Arrays;
import java.util.Objects;

/**
 * How well the KNN classifier on an encoder's embeddings did on one split.
 *
 * @param windows the number of windows classified
 * @param accuracy fraction of windows whose predicted class is their true class, in [0, 1]
 * @param weightedF1 mean of the per-class F1 weighted by each class's number of true windows
 * @param macroF1 unweighted mean of the per-class F1
 * @param classIds the class ids of the rows and columns of {@code confusion}, ascending
 * @param confusion {@code confusion[t][p]}: windows of true class {@code classIds[t]} predicted as
 *     {@code classIds[p]}
 */
public record SplitScores(
        int windows,
        double accuracy,
        double weightedF1,
        double macroF1,
        int[] classIds,
        long[][] confusion) {

    public SplitScores {
        Objects.requireNonNull(classIds, "classIds");
        Objects.requireNonNull(confusion, "confusion");
        if (confusion.length != classIds.length) {
            throw new IllegalArgumentException(
                    "confusion matrix has "
                            + confusion.length
                            + " rows for "
                            + classIds.length
                            + " classes");
        }
        for (long[] row : confusion) {
            if (row.length != classIds.length) {
                throw new IllegalArgumentException(
                        "confusion matrix row has "
                                + row.length
                                + " columns for "
                                + classIds.length
                                + " classes");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SplitScores s
                && windows == s.windows
                && Double.compare(accuracy, s.accuracy) == 0
                && Double.compare(weightedF1, s.weightedF1) == 0
                && Double.compare(macroF1, s.macroF1) == 0
                && Arrays.equals(classIds, s.classIds)
                && Arrays.deepEquals(confusion, s.confusion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(windows, accuracy, weightedF1, macroF1, Arrays.hashCode(classIds))
                + Arrays.deepHashCode(confusion);
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "SplitScores[windows=%d, accuracy=%.4f, weightedF1=%.4f, macroF1=%.4f]",
                windows,
                accuracy,
                weightedF1,
                macroF1);
    }
}
