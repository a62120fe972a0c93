package org.cagekit.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class CrossModalAccuracyTest {
    @Test
    void countsRowsWhoseBestMatchIsTheirOwnWindow() {
        // Rows of A·Gᵀ: row 0 = [0.8, 0.6, 0] → argmax 0, correct; row 1 = [0.6, 0.8, 0] → 1,
        // correct; row 2 (the same A row as row 1) = [0.6, 0.8, 0] → 1, not 2. Two of three.
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] a = {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}};
            float[][] g = {{0.8f, 0.6f, 0}, {0.6f, 0.8f, 0}, {0, 0, 1}};
            assertEquals(2L, CrossModalAccuracy.correct(m.create(a), m.create(g)).getLong());
        }
    }

    @Test
    void identicalEmbeddingsScoreOnlyTheFirstRow() {
        // All similarities tie; argmax takes index 0, which is correct for row 0 alone.
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] same = {{1, 0}, {1, 0}, {1, 0}, {1, 0}};
            assertEquals(1L, CrossModalAccuracy.correct(m.create(same), m.create(same)).getLong());
        }
    }
}
