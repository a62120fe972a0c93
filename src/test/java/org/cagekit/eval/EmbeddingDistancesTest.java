package org.cagekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingDistancesTest {
    /**
     * Windows (1, 0), (2, 0) of class 1; (0, 1), (1, 1) of class 2; (-1, 0) of class 3; r = 1 /
     * sqrt 2. Class 1: one direction, intra distance 0; against the three others each of its
     * windows has cosines 0, r, -1, so inter = 1 - 2 (r - 1) / 6. Class 2: intra = 1 - r; its
     * cosines with the others are 0, 0, 0 and r, r, -r, so inter = 1 - r / 6. Class 3 holds one
     * window: no intra-class pair (NaN); its cosines are -1, -1, 0, -r, so inter = 1 - (-2 - r) /
     * 4.
     */
    @Test
    void meansWorkedByHand() {
        float[][] x = {{1, 0}, {2, 0}, {0, 1}, {1, 1}, {-1, 0}};
        int[] labels = {1, 1, 2, 2, 3};
        List<EmbeddingDistances.ClassDistances> d = EmbeddingDistances.of(x, labels);
        double r = Math.sqrt(0.5);
        assertEquals(0, d.get(0).intraClass(), 1e-12);
        assertEquals(1 - (2 * r - 2) / 6, d.get(0).interClass(), 1e-12);
        assertEquals(1 - r, d.get(1).intraClass(), 1e-12);
        assertEquals(1 - r / 6, d.get(1).interClass(), 1e-12);
        assertEquals(d.get(1).intraClass() / d.get(1).interClass(), d.get(1).ratio(), 1e-12);
        assertTrue(Double.isNaN(d.get(2).intraClass()));
        assertEquals(1 - (-2 - r) / 4, d.get(2).interClass(), 1e-12);
        assertEquals(1, d.get(2).windows());
    }
}
