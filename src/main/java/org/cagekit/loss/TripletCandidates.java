package org.cagekit.loss;

import java.util.Objects;

/**
 * The triplets one batch allows, before mining: for each of {@code N} anchors, its distances to the
 * {@code P} positive candidates and to the {@code M} negative candidates, and masks saying which
 * candidates qualify. Matrices are flat, row-major: entry {@code [i, j]} is at {@code i * P + j} or
 * {@code i * M + j}.
 *
 * <p>Label-free ({@link #labelFree}): the only positive of anchor {@code a_i} is {@code g_i}, the
 * negatives are all other windows {@code j ≠ i}. Label-aware ({@link #labelAware}): the positives
 * of anchor {@code i} are the gyroscope embeddings of every window of its class, {@code g_i}
 * included; its negatives are the windows of every other class. Negative candidate {@code j}
 * belongs to window {@code j mod N}: with {@link LossSpec.Negatives#CROSS_MODAL} there are {@code M
 * = N} candidates, the gyroscope embeddings {@code g_j}; with {@link LossSpec.Negatives#ALL} there
 * are {@code M = 2N}, the {@code g_j} followed by the accelerometer embeddings {@code a_j}. The
 * caller supplies the matching distances, this class builds the masks.
 *
 * <p>The arrays are taken as they are, not copied: the miner only reads them.
 */
public final class TripletCandidates {
    private final int anchors;
    private final int positives;
    private final int negatives;
    private final float[] positiveDistance;
    private final boolean[] positiveMask;
    private final float[] negativeDistance;
    private final boolean[] negativeMask;

    /**
     * Candidates with explicit masks.
     *
     * @param anchors {@code N}
     * @param positives {@code P}, the number of positive candidates per anchor
     * @param negatives {@code M}, the number of negative candidates per anchor
     * @param positiveDistance {@code [N * P]} anchor-positive distances
     * @param positiveMask {@code [N * P]} whether candidate {@code j} is a positive of anchor
     *     {@code i}
     * @param negativeDistance {@code [N * M]} anchor-negative distances
     * @param negativeMask {@code [N * M]} whether candidate {@code j} is a negative of anchor
     *     {@code i}
     * @throws IllegalArgumentException when an array length does not match the counts or a distance
     *     is NaN
     */
    public TripletCandidates(
            int anchors,
            int positives,
            int negatives,
            float[] positiveDistance,
            boolean[] positiveMask,
            float[] negativeDistance,
            boolean[] negativeMask) {
        if (anchors < 0 || positives < 0 || negatives < 0) {
            throw new IllegalArgumentException(
                    "triplet candidates: counts must not be negative, found anchors="
                            + anchors
                            + " positives="
                            + positives
                            + " negatives="
                            + negatives);
        }
        checkLength("positiveDistance", positiveDistance.length, anchors, positives);
        checkLength("positiveMask", positiveMask.length, anchors, positives);
        checkLength("negativeDistance", negativeDistance.length, anchors, negatives);
        checkLength("negativeMask", negativeMask.length, anchors, negatives);
        checkFinite("positiveDistance", positiveDistance, positives);
        checkFinite("negativeDistance", negativeDistance, negatives);
        this.anchors = anchors;
        this.positives = positives;
        this.negatives = negatives;
        this.positiveDistance = positiveDistance;
        this.positiveMask = positiveMask;
        this.negativeDistance = negativeDistance;
        this.negativeMask = negativeMask;
    }

    /**
     * Label-free candidates of a batch of {@code n} windows: the positive of anchor {@code i} is
     * candidate {@code i}; its negatives are the candidates of every other window.
     *
     * @param n the batch size {@code N}
     * @param positiveDistance {@code [N * N]}, {@code d(a_i, g_j)}
     * @param negativeDistance {@code [N * M]}, {@code M} a multiple of {@code N}: {@code d(a_i,
     *     g_j)} (the same array may be passed twice), optionally followed in each row by {@code
     *     d(a_i, a_j)}
     * @throws IllegalArgumentException when {@code negativeDistance} is not {@code N} rows of a
     *     multiple of {@code N}
     */
    public static TripletCandidates labelFree(
            int n, float[] positiveDistance, float[] negativeDistance) {
        int m = negativeColumns(n, negativeDistance);
        boolean[] own = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            own[i * n + i] = true;
        }
        boolean[] others = new boolean[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                others[i * m + j] = j % n != i;
            }
        }
        return new TripletCandidates(n, n, m, positiveDistance, own, negativeDistance, others);
    }

    /**
     * Label-aware candidates of a batch of {@code N = classes.length} windows: positives of anchor
     * {@code i} are the windows {@code j} with {@code classes[j] == classes[i]} ({@code i}
     * included), negatives the candidates of windows of another class.
     *
     * @param classes class id of each window of the batch
     * @param positiveDistance {@code [N * N]}, {@code d(a_i, g_j)}
     * @param negativeDistance {@code [N * M]}, as in {@link #labelFree}
     */
    public static TripletCandidates labelAware(
            long[] classes, float[] positiveDistance, float[] negativeDistance) {
        int n = classes.length;
        int m = negativeColumns(n, negativeDistance);
        boolean[] same = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                same[i * n + j] = classes[i] == classes[j];
            }
        }
        boolean[] other = new boolean[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                other[i * m + j] = classes[i] != classes[j % n];
            }
        }
        return new TripletCandidates(n, n, m, positiveDistance, same, negativeDistance, other);
    }

    /** Label-free candidates from matrices, row by row; convenient for small hand-made cases. */
    public static TripletCandidates labelFree(
            float[][] positiveDistance, float[][] negativeDistance) {
        int n = positiveDistance.length;
        return labelFree(n, flatten(positiveDistance, n), flatten(negativeDistance, n));
    }

    /** Label-aware candidates from matrices, row by row; convenient for small hand-made cases. */
    public static TripletCandidates labelAware(
            long[] classes, float[][] positiveDistance, float[][] negativeDistance) {
        int n = classes.length;
        return labelAware(classes, flatten(positiveDistance, n), flatten(negativeDistance, n));
    }

    /** {@code N}, the number of anchors. */
    public int anchors() {
        return anchors;
    }

    /** {@code P}, the number of positive candidates per anchor. */
    public int positives() {
        return positives;
    }

    /** {@code M}, the number of negative candidates per anchor. */
    public int negatives() {
        return negatives;
    }

    /** Distance from anchor {@code i} to positive candidate {@code j}. */
    public float positiveDistance(int i, int j) {
        return positiveDistance[i * positives + j];
    }

    /** Whether candidate {@code j} is a positive of anchor {@code i}. */
    public boolean isPositive(int i, int j) {
        return positiveMask[i * positives + j];
    }

    /** Distance from anchor {@code i} to negative candidate {@code j}. */
    public float negativeDistance(int i, int j) {
        return negativeDistance[i * negatives + j];
    }

    /** Whether candidate {@code j} is a negative of anchor {@code i}. */
    public boolean isNegative(int i, int j) {
        return negativeMask[i * negatives + j];
    }

    private static float[] flatten(float[][] matrix, int rows) {
        if (matrix.length != rows) {
            throw new IllegalArgumentException(
                    "triplet candidates: expected " + rows + " rows, found " + matrix.length);
        }
        int columns = rows == 0 ? 0 : matrix[0].length;
        float[] flat = new float[rows * columns];
        for (int i = 0; i < rows; i++) {
            Objects.requireNonNull(matrix[i], "row " + i);
            if (matrix[i].length != columns) {
                throw new IllegalArgumentException(
                        "triplet candidates: row "
                                + i
                                + " has "
                                + matrix[i].length
                                + " distances, expected "
                                + columns);
            }
            System.arraycopy(matrix[i], 0, flat, i * columns, columns);
        }
        return flat;
    }

    private static int negativeColumns(int n, float[] negativeDistance) {
        if (n == 0) {
            return 0;
        }
        if (negativeDistance.length % ((long) n * n) != 0) {
            throw new IllegalArgumentException(
                    "triplet candidates: negativeDistance has "
                            + negativeDistance.length
                            + " entries, expected N x M with N = "
                            + n
                            + " and M a multiple of N");
        }
        return negativeDistance.length / n;
    }

    private static void checkLength(String name, int length, int rows, int columns) {
        if ((long) rows * columns != length) {
            throw new IllegalArgumentException(
                    "triplet candidates: "
                            + name
                            + " has "
                            + length
                            + " entries, expected "
                            + rows
                            + " x "
                            + columns
                            + " = "
                            + (long) rows * columns);
        }
    }

    private static void checkFinite(String name, float[] values, int columns) {
        for (int k = 0; k < values.length; k++) {
            if (Float.isNaN(values[k])) {
                throw new IllegalArgumentException(
                        "triplet candidates: "
                                + name
                                + "["
                                + k / columns
                                + ", "
                                + k % columns
                                + "] is NaN; the embeddings of this batch are not finite");
            }
        }
    }
}
