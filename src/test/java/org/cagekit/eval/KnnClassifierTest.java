package org.cagekit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KnnClassifierTest {
    static Stream<SklearnFixtures.KnnCase> sklearnCases() {
        return SklearnFixtures.knnCases().stream();
    }

    /** Every fixture case: predictions, vote shares and neighbour lists as scikit-learn gave. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sklearnCases")
    void agreesWithScikitLearn(SklearnFixtures.KnnCase c) {
        KnnClassifier knn =
                new KnnClassifier(c.reference(), c.labels(), c.k(), c.metric(), c.weights());
        Classification result = knn.classify(c.queries());
        assertArrayEquals(c.predicted(), result.labels(), c.name());
        for (int q = 0; q < c.queries().length; q++) {
            assertEquals(c.share()[q], result.voteShare()[q], 1e-9, c.name() + " query " + q);
            if (c.neighbours()[q] != null) {
                assertArrayEquals(
                        c.neighbours()[q],
                        result.neighbours().indices()[q],
                        c.name() + " query " + q);
            }
        }
    }

    /** Uniform votes 3 : 3 : 1 at k = 7 go to the smaller of the tied labels (1, not 2). */
    @Test
    void voteTieGoesToSmallestLabel() {
        SklearnFixtures.KnnCase c = SklearnFixtures.knnCase("vote_tie_3_3_1");
        int[] predicted =
                new KnnClassifier(c.reference(), c.labels(), 7, c.metric(), c.weights())
                        .predict(c.queries());
        assertArrayEquals(new int[] {1}, predicted);
    }

    /**
     * Four references at distance 1 from the origin (positions 0 to 3) compete for k = 3: reference
     * order keeps 0, 1, 2, whose labels 5, 6, 6 elect 6 with share 2/3.
     */
    @Test
    void equalDistancesAtKthPlaceKeepReferenceOrder() {
        SklearnFixtures.KnnCase c = SklearnFixtures.knnCase("equal_distances");
        Classification result =
                new KnnClassifier(c.reference(), c.labels(), 3, c.metric(), c.weights())
                        .classify(c.queries());
        assertArrayEquals(new int[] {0, 1, 2}, result.neighbours().indices()[0]);
        assertArrayEquals(new double[] {1, 1, 1}, result.neighbours().distances()[0]);
        assertEquals(6, result.labels()[0]);
        assertEquals(2.0 / 3, result.voteShare()[0], 1e-12);
    }

    /**
     * Duplicated references across several score chunks: 40,000 copies of one vector (label 2)
     * after one of label 1 must be taken in reference order, so the first k positions win.
     */
    @Test
    void exactTiesAcrossChunksKeepReferenceOrder() {
        int n = KnnClassifier.REFERENCE_CHUNK + 7_232;
        float[][] reference = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            reference[i] = new float[] {3, 4};
            labels[i] = i < 3 ? 1 : 2;
        }
        KnnClassifier knn =
                new KnnClassifier(
                        reference, labels, 5, DistanceMetric.EUCLIDEAN, VoteWeights.UNIFORM);
        Neighbours neighbours = knn.neighbours(new float[][] {{0, 0}});
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, neighbours.indices()[0]);
        // |(3, 4)| = 5.
        assertArrayEquals(new double[] {5, 5, 5, 5, 5}, neighbours.distances()[0]);
        // Labels 1, 1, 1, 2, 2.
        assertEquals(1, knn.predict(new float[][] {{0, 0}})[0]);
    }

    /** The blocked, threaded search finds the same neighbours as a plain double-precision scan. */
    @Test
    void blockedSearchMatchesDirectScan() {
        Random random = new Random(11);
        int n = KnnClassifier.REFERENCE_CHUNK + 1_000;
        int m = 2 * KnnClassifier.QUERY_BLOCK + 3;
        float[][] reference = gaussian(random, n, 8);
        float[][] queries = gaussian(random, m, 8);
        int[] labels = new int[n];
        for (DistanceMetric metric : DistanceMetric.values()) {
            KnnClassifier knn =
                    new KnnClassifier(reference, labels, 4, metric, VoteWeights.UNIFORM, 3);
            Neighbours found = knn.neighbours(queries);
            for (int q = 0; q < m; q += 37) {
                int[] expected = directScan(reference, queries[q], 4, metric);
                assertArrayEquals(expected, found.indices()[q], metric + " query " + q);
            }
        }
    }

    /**
     * 100,000 references and 4,096 queries: a search that held every query-reference distance would
     * need 4,096 x 100,000 x 4 bytes = 1,562 MiB for the scores alone. Blocked, the scores of two
     * workers take 2 x 256 x 32,768 x 4 bytes = 64 MiB, so the child JVM (heap capped at 256 MiB)
     * must peak below 1,024 MiB resident.
     */
    @Test
    void memoryIsBoundedByBlocksNotByQueries() {
        Assumptions.assumeTrue(
                java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/status")),
                "peak memory is read from /proc/self/status, absent on this system");
        ChildJvm.Outcome outcome =
                ChildJvm.run(
                        List.of("-Xmx256m"),
                        KnnMemoryProbe.class.getName(),
                        List.of("100000", "4096", "16", "2"),
                        300);
        assertEquals(0, outcome.exitCode(), outcome.err());
        String[] fields = outcome.out().trim().split(" ");
        assertEquals("peak-rss-kib", fields[0], outcome.out());
        long peakMib = Long.parseLong(fields[1]) >> 10;
        assertTrue(peakMib < 1024, "peak resident memory " + peakMib + " MiB");
    }

    @Test
    void kLargerThanReferencesNamesBothNumbers() {
        float[][] reference = {{1, 0}, {0, 1}, {1, 1}};
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new KnnClassifier(
                                        reference,
                                        new int[] {1, 2, 3},
                                        7,
                                        DistanceMetric.COSINE,
                                        VoteWeights.DISTANCE));
        assertTrue(e.getMessage().contains("k = 7"), e.getMessage());
        assertTrue(e.getMessage().contains("(3)"), e.getMessage());
    }

    @Test
    void queryOfWrongLengthIsRefused() {
        KnnClassifier knn =
                new KnnClassifier(
                        new float[][] {{1, 0}, {0, 1}},
                        new int[] {1, 2},
                        1,
                        DistanceMetric.COSINE,
                        VoteWeights.UNIFORM);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> knn.predict(new float[][] {{1, 0, 0}}));
        assertEquals("query embedding 0 has 3 components, expected 2", e.getMessage());
    }

    @Test
    void noQueriesGiveEmptyResult() {
        KnnClassifier knn =
                new KnnClassifier(
                        new float[][] {{1, 0}},
                        new int[] {4},
                        1,
                        DistanceMetric.COSINE,
                        VoteWeights.UNIFORM);
        assertEquals(0, knn.classify(new float[0][]).size());
    }

    private static int[] directScan(
            float[][] reference, float[] query, int k, DistanceMetric metric) {
        double[] d = new double[reference.length];
        for (int r = 0; r < reference.length; r++) {
            double dot = 0;
            double nq = 0;
            double nr = 0;
            double sq = 0;
            for (int i = 0; i < query.length; i++) {
                dot += (double) query[i] * reference[r][i];
                nq += (double) query[i] * query[i];
                nr += (double) reference[r][i] * reference[r][i];
                double diff = (double) query[i] - reference[r][i];
                sq += diff * diff;
            }
            d[r] = metric == DistanceMetric.COSINE ? 1 - dot / Math.sqrt(nq * nr) : Math.sqrt(sq);
        }
        List<Integer> order =
                java.util.stream.IntStream.range(0, reference.length)
                        .boxed()
                        .sorted((a, b) -> Double.compare(d[a], d[b]))
                        .toList();
        return order.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[][] gaussian(Random random, int rows, int dim) {
        float[][] x = new float[rows][dim];
        for (float[] row : x) {
            for (int i = 0; i < dim; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        return x;
    }
}
