package org.cagekit.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Classifies seeded random queries against seeded random references and prints the process's peak
 * resident memory, as {@code peak-rss-kib N}.
 *
 * <p>Arguments: references, queries, dimension, threads.
 */
public final class KnnMemoryProbe {
    private KnnMemoryProbe() {}

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        int m = Integer.parseInt(args[1]);
        int d = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        Random random = new Random(9);
        float[][] reference = new float[n][d];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                reference[r][i] = (float) random.nextGaussian();
            }
            labels[r] = r % 5;
        }
        float[][] queries = new float[m][d];
        for (float[] q : queries) {
            for (int i = 0; i < d; i++) {
                q[i] = (float) random.nextGaussian();
            }
        }
        KnnClassifier knn =
                new KnnClassifier(
                        reference, labels, 7, DistanceMetric.COSINE, VoteWeights.DISTANCE, threads);
        int[] predicted = knn.predict(queries);
        if (predicted.length != m) {
            throw new IllegalStateException(predicted.length + " predictions for " + m);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println("peak-rss-kib " + line.replaceAll("[^0-9]", ""));
                return;
            }
        }
        throw new IllegalStateException("/proc/self/status has no VmHWM line");
    }
}
