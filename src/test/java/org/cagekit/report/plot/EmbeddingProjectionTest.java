package org.cagekit.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingProjectionTest {
    /** Three tight clusters, 15 points each, centred 10 apart in 5 dimensions. */
    private static double[][] clusters(int[] labels) {
        Random random = new Random(5);
        double[][] data = new double[labels.length][5];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 5; j++) {
                data[i][j] = (j == labels[i] ? 10 : 0) + 0.5 * random.nextGaussian();
            }
        }
        return data;
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    @Test
    void tsneIsRepeatableForASeed() {
        int[] labels = new int[45];
        double[][] data = clusters(labels);
        MapCoordinates a = EmbeddingProjection.tsne(data, all(45), 11, 10, 300, 200);
        MapCoordinates b = EmbeddingProjection.tsne(data, all(45), 11, 10, 300, 200);
        MapCoordinates c = EmbeddingProjection.tsne(data, all(45), 12, 10, 300, 200);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertFalse(Arrays.equals(a.x(), c.x()), "another seed should start from another layout");
        assertEquals(
                "t-SNE, 45 points, perplexity 10, 300 iterations, learning rate 200, seed 11",
                a.method());
    }

    @Test
    void tsneKeepsSeparatedClustersApart() {
        // Clusters 10 apart with spread 0.5 must come out as three groups: every point's nearest
        // neighbour in the map belongs to its own cluster.
        int[] labels = new int[45];
        double[][] data = clusters(labels);
        MapCoordinates map = EmbeddingProjection.tsne(data, all(45), 3, 10, 500, 200);
        for (int i = 0; i < 45; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 45; j++) {
                double dx = map.x()[i] - map.x()[j];
                double dy = map.y()[i] - map.y()[j];
                if (j != i && dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    nearest = j;
                }
            }
            assertEquals(labels[i], labels[nearest], "nearest neighbour of point " + i);
        }
    }

    @Test
    void perplexityIsCappedForSmallMaps() {
        // 10 points allow perplexity (10 - 1) / 3 = 3 at most.
        double[][] data = Arrays.copyOf(clusters(new int[45]), 10);
        MapCoordinates map = EmbeddingProjection.tsne(data, all(10), 1, 30, 250, 200);
        assertTrue(map.method().contains("perplexity 3,"), map.method());
        for (double v : map.x()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void refusesTooFewPointsOrIterations() {
        double[][] three = {{0, 1}, {1, 0}, {1, 1}};
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EmbeddingProjection.tsne(three, all(3), 1, 30, 1000, 200));
        assertEquals("t-SNE needs at least 4 points, got 3", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> EmbeddingProjection.tsne(clusters(new int[45]), all(45), 1, 30, 100, 200));
    }
}
