package org.cagekit.eval;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Counts of (true class, predicted class) pairs: rows are true classes, columns predicted classes,
 * both in the order of {@link #labels()}, the sorted union of the class ids that occur as truth or
 * as prediction (scikit-learn's {@code confusion_matrix} with {@code labels=None}).
 */
public final class ConfusionMatrix {
    private final int[] labels;
    private final long[][] counts;

    private ConfusionMatrix(int[] labels, long[][] counts) {
        this.labels = labels;
        this.counts = counts;
    }

    /**
     * Tallies predictions.
     *
     * @param truth the true class of each sample
     * @param predicted the predicted class of each sample
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(
                    truth.length + " true labels but " + predicted.length + " predictions");
        }
        int[] labels =
                IntStream.concat(Arrays.stream(truth), Arrays.stream(predicted))
                        .distinct()
                        .sorted()
                        .toArray();
        long[][] counts = new long[labels.length][labels.length];
        for (int i = 0; i < truth.length; i++) {
            counts[Arrays.binarySearch(labels, truth[i])][
                    Arrays.binarySearch(labels, predicted[i])]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    /** The class ids of the rows and columns, ascending. */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * The number of samples of true class {@code labels()[row]} predicted as {@code
     * labels()[column]}.
     */
    public long count(int row, int column) {
        return counts[row][column];
    }

    /** Samples whose true class is {@code labels()[row]}. */
    public long rowTotal(int row) {
        return Arrays.stream(counts[row]).sum();
    }

    /** Samples predicted as {@code labels()[column]}. */
    public long columnTotal(int column) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[column];
        }
        return sum;
    }

    /** The number of samples. */
    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /** Correctly classified samples: the sum of the diagonal. */
    public long trace() {
        long sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }
}
