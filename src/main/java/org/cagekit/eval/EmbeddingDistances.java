package org.cagekit.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How tightly each class clusters in embedding space: per class, the mean cosine distance between
 * two different windows of that class (intra-class) and between a window of the class and a window
 * of any other class (inter-class), and their ratio intra / inter (below 1 when the class is
 * tighter than its separation from the rest).
 *
 * <p>With unit vectors {@code u_i = x_i / |x_i|} and class sums {@code S_c}, the sums over pairs
 * follow without visiting every pair: {@code sum_{i != j in c} u_i.u_j = |S_c|^2 - sum_{i in c}
 * |u_i|^2} and {@code sum_{i in c, j not in c} u_i.u_j = S_c.(S - S_c)}, so the cost is {@code O(n
 * d)}. The mean cosine distance is 1 minus the mean cosine. A zero vector counts as having cosine 0
 * with everything. A class with a single window has no intra-class pair and a class alone in the
 * set no inter-class pair: those values, and the ratio, are NaN.
 */
public final class EmbeddingDistances {
    /** Distances of one class. */
    public record ClassDistances(
            int label, int windows, double intraClass, double interClass, double ratio) {}

    private EmbeddingDistances() {}

    /**
     * @param embeddings {@code [n][d]}
     * @param labels the class of each row
     * @return one entry per class present, by ascending class id
     */
    public static List<ClassDistances> of(float[][] embeddings, int[] labels) {
        if (embeddings.length != labels.length) {
            throw new IllegalArgumentException(
                    embeddings.length + " embeddings but " + labels.length + " labels");
        }
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        int dim = embeddings.length == 0 ? 0 : embeddings[0].length;
        double[][] sums = new double[classes.length][dim];
        double[] squares = new double[classes.length];
        int[] counts = new int[classes.length];
        double[] total = new double[dim];
        for (int i = 0; i < embeddings.length; i++) {
            int c = Arrays.binarySearch(classes, labels[i]);
            float[] x = embeddings[i];
            double norm = 0;
            for (float v : x) {
                norm += (double) v * v;
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int j = 0; j < dim; j++) {
                    double u = x[j] / norm;
                    sums[c][j] += u;
                    total[j] += u;
                }
                squares[c] += 1;
            }
            counts[c]++;
        }
        List<ClassDistances> result = new ArrayList<>();
        int n = embeddings.length;
        for (int c = 0; c < classes.length; c++) {
            double self = 0;
            double cross = 0;
            for (int j = 0; j < dim; j++) {
                self += sums[c][j] * sums[c][j];
                cross += sums[c][j] * (total[j] - sums[c][j]);
            }
            long intraPairs = (long) counts[c] * (counts[c] - 1);
            long interPairs = (long) counts[c] * (n - counts[c]);
            double intra = intraPairs == 0 ? Double.NaN : 1 - (self - squares[c]) / intraPairs;
            double inter = interPairs == 0 ? Double.NaN : 1 - cross / interPairs;
            result.add(new ClassDistances(classes[c], counts[c], intra, inter, intra / inter));
        }
        return result;
    }
}
