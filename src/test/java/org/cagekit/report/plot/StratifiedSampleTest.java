package org.cagekit.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedSampleTest {
    private static int[] labels(int... sizes) {
        int[] labels = new int[Arrays.stream(sizes).sum()];
        int i = 0;
        for (int c = 0; c < sizes.length; c++) {
            for (int k = 0; k < sizes[c]; k++) {
                // Interleave the classes so that a sample of a prefix would not be stratified.
                labels[i++] = c;
            }
        }
        int[] shuffled = new int[labels.length];
        for (int k = 0; k < labels.length; k++) {
            shuffled[k] = labels[(k * 7) % labels.length];
        }
        return shuffled;
    }

    private static int[] classCounts(int[] labels, int[] rows, int classes) {
        int[] counts = new int[classes];
        for (int row : rows) {
            counts[labels[row]]++;
        }
        return counts;
    }

    @Test
    void exactProportionsWhenTheyDivide() {
        // 10 + 6 + 4 = 20 rows, keep 10: quotas 10*10/20 = 5, 6*10/20 = 3, 4*10/20 = 2.
        int[] labels = labels(10, 6, 4);
        int[] rows = StratifiedSample.indices(labels, 10, 1);
        assertArrayEquals(new int[] {5, 3, 2}, classCounts(labels, rows, 3));
    }

    @Test
    void leftoverPlacesGoToLargestRemaindersThenSmallerClass() {
        // 7 + 7 + 6 = 20 rows, keep 10: exact shares 3.5, 3.5, 3.0; floors 3 + 3 + 3 = 9; the
        // one left goes to the remainders 0.5 and 0.5, tied, so to class 0: 4, 3, 3.
        int[] labels = labels(7, 7, 6);
        int[] rows = StratifiedSample.indices(labels, 10, 1);
        assertArrayEquals(new int[] {4, 3, 3}, classCounts(labels, rows, 3));
        // 30 + 20 + 10 = 60, keep 45: 22.5, 15, 7.5 -> floors 22, 15, 7 (44); the tie of 0.5
        // between classes 0 and 2 goes to class 0: 23, 15, 7.
        int[] fixture = labels(30, 20, 10);
        assertArrayEquals(
                new int[] {23, 15, 7},
                classCounts(fixture, StratifiedSample.indices(fixture, 45, 3), 3));
    }

    @Test
    void sameSeedSameSampleAscendingAndDistinct() {
        int[] labels = labels(50, 30, 20);
        int[] a = StratifiedSample.indices(labels, 37, 42);
        int[] b = StratifiedSample.indices(labels, 37, 42);
        int[] c = StratifiedSample.indices(labels, 37, 43);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another seed should draw another sample");
        assertEquals(37, a.length);
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i - 1] < a[i], "indices must be ascending and distinct");
        }
    }

    @Test
    void smallSetsAreKeptWhole() {
        assertArrayEquals(new int[] {0, 1, 2}, StratifiedSample.indices(new int[] {2, 0, 1}, 3, 9));
        assertThrows(
                IllegalArgumentException.class, () -> StratifiedSample.indices(new int[3], 0, 1));
    }
}
