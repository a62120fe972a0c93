package org.cagekit.report.plot;

import java.util.Locale;
import smile.manifold.TSNE;
import smile.math.MathEx;

/**
 * Maps embeddings to two dimensions with Smile's t-SNE and with PCA.
 *
 * <p><b>t-SNE.</b> Exact (not Barnes-Hut) t-SNE of van der Maaten and Hinton on squared Euclidean
 * distances, as implemented by {@code smile.manifold.TSNE}: time and memory grow as n², so callers
 * subsample first (see {@link StratifiedSample}); 3000 points take about half a minute on two cores
 * and some 300 MB. The initial layout is drawn from Smile's per-thread generator, which is seeded
 * with {@code MathEx.setSeed(seed)} on the calling thread right before the run, so a seed gives the
 * same map again on the same machine (Smile's parallel sums are split by the number of cores, so
 * another machine may differ in the last bits). The perplexity is capped at {@code (n - 1) / 3},
 * the largest that the Gaussian bandwidth search can reach with n points. A map of fewer than 4
 * points is refused.
 *
 * <p><b>PCA.</b> The first two components of {@link PrincipalComponents} (covariance eigenvectors,
 * signs fixed so that the largest-magnitude loading is positive), every row projected after
 * subtracting the mean.
 */
public final class EmbeddingProjection {
    /** Fewest points a t-SNE map is made of. */
    public static final int MIN_TSNE_POINTS = 4;

    private EmbeddingProjection() {}

    /**
     * t-SNE of the given rows.
     *
     * @param data points, [n][d]
     * @param rows which rows of the source table {@code data} holds, stored in the result
     * @param seed seed of the initial layout
     * @param perplexity effective number of neighbours, capped at {@code (n - 1) / 3}
     * @param iterations gradient steps, at least 250 (the momentum switch happens at 250)
     * @param learningRate the step size eta, commonly 200
     */
    public static MapCoordinates tsne(
            double[][] data,
            int[] rows,
            long seed,
            double perplexity,
            int iterations,
            double learningRate) {
        int n = data.length;
        if (n < MIN_TSNE_POINTS) {
            throw new IllegalArgumentException(
                    "t-SNE needs at least " + MIN_TSNE_POINTS + " points, got " + n);
        }
        if (iterations < 250) {
            throw new IllegalArgumentException(
                    "t-SNE needs at least 250 iterations, got " + iterations);
        }
        if (!(perplexity >= 1) || !(learningRate > 0)) {
            throw new IllegalArgumentException(
                    "t-SNE perplexity must be >= 1 and learning rate > 0, got "
                            + perplexity
                            + " and "
                            + learningRate);
        }
        double usedPerplexity = Math.min(perplexity, (n - 1) / 3.0);
        MathEx.setSeed(seed);
        TSNE tsne = new TSNE(data, 2, usedPerplexity, learningRate, iterations);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = tsne.coordinates[i][0];
            y[i] = tsne.coordinates[i][1];
        }
        String method =
                String.format(
                        Locale.ROOT,
                        "t-SNE, %d points, perplexity %s, %d iterations, learning rate %s, seed %d",
                        n,
                        trim(usedPerplexity),
                        iterations,
                        trim(learningRate),
                        seed);
        return new MapCoordinates(rows.clone(), x, y, "t-SNE 1", "t-SNE 2", method);
    }

    /**
     * The first two principal components.
     *
     * @param data points, [n][d] with n >= 2 and d >= 2
     * @param rows which rows of the source table {@code data} holds, stored in the result
     */
    public static MapCoordinates pca(double[][] data, int[] rows) {
        int n = data.length;
        if (n < 2 || data[0].length < 2) {
            throw new IllegalArgumentException(
                    "PCA needs at least 2 points of at least 2 dimensions, got "
                            + n
                            + " points of "
                            + (n == 0 ? 0 : data[0].length));
        }
        PrincipalComponents pca = PrincipalComponents.fit(data);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pca.project(data[i], 0);
            y[i] = pca.project(data[i], 1);
        }
        String xTitle =
                String.format(Locale.ROOT, "PC1 (%.1f %% of variance)", 100 * pca.varianceShare(0));
        String yTitle =
                String.format(Locale.ROOT, "PC2 (%.1f %% of variance)", 100 * pca.varianceShare(1));
        String method =
                String.format(Locale.ROOT, "PCA, %d points of %d dimensions", n, data[0].length);
        return new MapCoordinates(rows.clone(), x, y, xTitle, yTitle, method);
    }

    private static String trim(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
