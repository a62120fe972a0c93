package org.cagekit.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which triplets each mining rule picks from hand-made distance matrices. */
class TripletMinerTest {
    private static final float MARGIN = 0.2f;

    /** d(a_i, g_j) of four windows; the diagonal holds the positives. */
    private static final float[][] FOUR = {
        {0.10f, 0.50f, 0.32f, 0.90f},
        {0.42f, 0.20f, 0.60f, 0.25f},
        {0.70f, 0.35f, 0.45f, 0.80f},
        {0.05f, 0.65f, 0.55f, 0.30f},
    };

    private static TripletMiner miner(LossSpec.Mining mining) {
        return new TripletMiner(mining, MARGIN, 1L);
    }

    @Test
    void hardPicksTheClosestNegativeOfEachAnchor() {
        MinedTriplets mined =
                miner(LossSpec.Mining.HARD).mine(TripletCandidates.labelFree(FOUR, FOUR));
        // Row minima off the diagonal: a0 {.50 .32 .90} -> g2, a1 {.42 .60 .25} -> g3,
        // a2 {.70 .35 .80} -> g1, a3 {.05 .65 .55} -> g0.
        assertArrayEquals(new int[] {0, 1, 2, 3}, mined.anchor());
        assertArrayEquals(new int[] {0, 1, 2, 3}, mined.positive());
        assertArrayEquals(new int[] {2, 3, 1, 0}, mined.negative());
        // d_p - d_n + 0.2: -0.02, 0.15, 0.30, 0.45, so three of four violate the margin.
        assertEquals(4, mined.validTriplets());
        assertEquals(3, mined.activeTriplets());
        assertEquals(0.75f, mined.activeFraction(), 1e-7f);
        assertEquals(0, mined.fallbacks());
        // Candidate spreads per anchor: .90-.10, .60-.20, .80-.35, .65-.05; the largest is .80.
        assertEquals(0.80f, mined.distanceSpread(), 1e-6f);
    }

    @Test
    void hardNeverTakesThePositiveEvenWhenItIsTheClosest() {
        // Every positive (diagonal, 0.0) is closer than any negative; ties between the
        // negatives of a row (all 0.5) go to the lowest index other than the anchor's own.
        float[][] d = {
            {0.0f, 0.5f, 0.5f},
            {0.5f, 0.0f, 0.5f},
            {0.5f, 0.5f, 0.0f},
        };
        MinedTriplets mined = miner(LossSpec.Mining.HARD).mine(TripletCandidates.labelFree(d, d));
        assertArrayEquals(new int[] {1, 0, 0}, mined.negative());
    }

    @Test
    void semiHardPicksTheClosestNegativeInsideTheBandAndCountsFallbacks() {
        float[][] d = {
            {0.10f, 0.15f, 0.25f, 0.05f, 0.60f},
            {0.30f, 0.50f, 0.45f, 0.90f, 1.00f},
            {0.50f, 0.80f, 0.20f, 0.45f, 0.90f},
            {0.35f, 0.48f, 0.33f, 0.30f, 0.10f},
            {0.60f, 0.70f, 0.90f, 0.61f, 0.60f},
        };
        MinedTriplets mined =
                miner(LossSpec.Mining.SEMI_HARD).mine(TripletCandidates.labelFree(d, d));
        // a0: band (.10, .30) holds g1 .15 and g2 .25 -> g1, not the hard g3 .05.
        // a1: band (.50, .70) is empty -> fallback to the farthest negative not beyond the
        //     positive: g0 .30 and g2 .45 qualify -> g2.
        // a2: band (.20, .40) is empty and no negative is closer than .20 -> fallback to the
        //     closest negative, g3 .45, at zero loss.
        // a3: band (.30, .50) holds g0 .35, g1 .48, g2 .33 -> g2.
        // a4: band (.60, .80) holds g1 .70 and g3 .61; g0 at exactly .60 is not inside -> g3.
        assertArrayEquals(new int[] {1, 2, 3, 2, 3}, mined.negative());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, mined.positive());
        assertEquals(2, mined.fallbacks());
        // Losses .15, .25, -.05 -> 0, .17, .19.
        assertEquals(5, mined.validTriplets());
        assertEquals(4, mined.activeTriplets());
    }

    @Test
    void semiHardFallbackOnIdenticalDistancesTakesTheLowestOtherIndex() {
        // Identical windows: every distance is 0, so no negative lies strictly beyond the
        // positive and each anchor falls back to the first negative at distance <= 0.
        float[][] d = new float[4][4];
        MinedTriplets mined =
                miner(LossSpec.Mining.SEMI_HARD).mine(TripletCandidates.labelFree(d, d));
        assertArrayEquals(new int[] {1, 0, 0, 0}, mined.negative());
        assertEquals(4, mined.fallbacks());
        assertEquals(4, mined.activeTriplets());
    }

    @Test
    void batchAllKeepsEveryTripletThatViolatesTheMargin() {
        MinedTriplets mined =
                miner(LossSpec.Mining.BATCH_ALL).mine(TripletCandidates.labelFree(FOUR, FOUR));
        // 4 anchors x 3 negatives = 12 triplets. Violations (d_p - d_n + .2 > 0):
        // a1-g3 .15, a2-g1 .30, a3-g0 .45; a1-g0 is -.02, a2-g0 -.05, a3-g2 -.05.
        assertEquals(12, mined.validTriplets());
        assertEquals(3, mined.activeTriplets());
        assertArrayEquals(new int[] {1, 2, 3}, mined.anchor());
        assertArrayEquals(new int[] {1, 2, 3}, mined.positive());
        assertArrayEquals(new int[] {3, 1, 0}, mined.negative());
        assertEquals(0.25f, mined.activeFraction(), 1e-7f);
    }

    @Test
    void randomPicksMatchJavaUtilRandomAsComputedByThePeerScript() {
        JsonObject reference = TripletReference.load();
        JsonArray batches = reference.getAsJsonArray("randomPicksSeed42");
        float[][] d = new float[5][5];
        for (float[] row : d) {
            Arrays.fill(row, 0.5f);
        }
        TripletMiner miner = new TripletMiner(LossSpec.Mining.RANDOM, MARGIN, 42L);
        for (int b = 0; b < batches.size(); b++) {
            int[] expected = TripletReference.ints(batches.get(b));
            MinedTriplets mined = miner.mine(TripletCandidates.labelFree(d, d));
            assertArrayEquals(expected, mined.negative(), "batch " + b);
        }
        // The fixture's first batch, [3, 0, 3, 0, 1], keeps every anchor away from itself.
        assertArrayEquals(new int[] {3, 0, 3, 0, 1}, TripletReference.ints(batches.get(0)));
    }

    @Test
    void randomNeverPicksTheAnchorsOwnWindowAndCoversTheOthersEvenly() {
        int n = 6;
        float[][] d = new float[n][n];
        TripletMiner miner = new TripletMiner(LossSpec.Mining.RANDOM, MARGIN, 7L);
        int[][] counts = new int[n][n];
        int batches = 3000;
        for (int b = 0; b < batches; b++) {
            MinedTriplets mined = miner.mine(TripletCandidates.labelFree(d, d));
            for (int t = 0; t < mined.size(); t++) {
                counts[mined.anchor()[t]][mined.negative()[t]]++;
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(0, counts[i][i], "anchor " + i + " drew itself");
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    // Expected 3000 / 5 = 600 per cell, binomial sd = sqrt(3000 * .2 * .8) =
                    // 21.9; 5 sd is 110.
                    assertTrue(
                            Math.abs(counts[i][j] - 600) < 110, i + "->" + j + ": " + counts[i][j]);
                }
            }
        }
    }

    @Test
    void randomIsRepeatableForASeedAndDiffersBetweenSeeds() {
        float[][] d = new float[8][8];
        int[] first =
                new TripletMiner(LossSpec.Mining.RANDOM, MARGIN, 3L)
                        .mine(TripletCandidates.labelFree(d, d))
                        .negative();
        int[] again =
                new TripletMiner(LossSpec.Mining.RANDOM, MARGIN, 3L)
                        .mine(TripletCandidates.labelFree(d, d))
                        .negative();
        int[] other =
                new TripletMiner(LossSpec.Mining.RANDOM, MARGIN, 4L)
                        .mine(TripletCandidates.labelFree(d, d))
                        .negative();
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other));
        TripletMiner reseeded = new TripletMiner(LossSpec.Mining.RANDOM, MARGIN, 99L);
        reseeded.mine(TripletCandidates.labelFree(d, d));
        reseeded.reseed(3L);
        assertArrayEquals(first, reseeded.mine(TripletCandidates.labelFree(d, d)).negative());
    }

    @Test
    void labelAwareMasksFollowTheClasses() {
        long[] classes = {0, 1, 0, 2, 1};
        float[] d = new float[25];
        TripletCandidates c = TripletCandidates.labelAware(classes, d, d);
        // Window 0 (class 0): positives 0 and 2, negatives 1, 3, 4.
        boolean[] positives = new boolean[5];
        boolean[] negatives = new boolean[5];
        for (int j = 0; j < 5; j++) {
            positives[j] = c.isPositive(0, j);
            negatives[j] = c.isNegative(0, j);
        }
        assertArrayEquals(new boolean[] {true, false, true, false, false}, positives);
        assertArrayEquals(new boolean[] {false, true, false, true, true}, negatives);
        // Window 3 is alone in class 2: its own pair is its only positive.
        for (int j = 0; j < 5; j++) {
            assertEquals(j == 3, c.isPositive(3, j));
            assertEquals(j != 3, c.isNegative(3, j));
        }
    }

    @Test
    void negativesOfBothModalitiesExcludeBothOfTheAnchorsOwnEmbeddings() {
        // ALL negatives: candidates 0..2 are g_j, 3..5 are a_j.
        TripletCandidates free = TripletCandidates.labelFree(3, new float[9], new float[18]);
        assertEquals(6, free.negatives());
        boolean[] row1 = new boolean[6];
        for (int j = 0; j < 6; j++) {
            row1[j] = free.isNegative(1, j);
        }
        assertArrayEquals(new boolean[] {true, false, true, true, false, true}, row1);
        TripletCandidates aware =
                TripletCandidates.labelAware(new long[] {4, 4, 5}, new float[9], new float[18]);
        boolean[] row0 = new boolean[6];
        for (int j = 0; j < 6; j++) {
            row0[j] = aware.isNegative(0, j);
        }
        assertArrayEquals(new boolean[] {false, false, true, false, false, true}, row0);
    }

    /** d(a_i, g_j) for classes {0, 0, 1, 1}. */
    private static final float[][] LABELLED = {
        {0.20f, 0.60f, 0.50f, 0.90f},
        {0.30f, 0.10f, 0.80f, 0.40f},
        {0.75f, 0.20f, 0.30f, 0.50f},
        {0.90f, 0.55f, 0.40f, 0.10f},
    };

    private static final long[] LABELLED_CLASSES = {0, 0, 1, 1};

    @Test
    void labelAwareHardTakesTheFarthestPositiveAndTheClosestNegative() {
        MinedTriplets mined =
                miner(LossSpec.Mining.HARD)
                        .mine(TripletCandidates.labelAware(LABELLED_CLASSES, LABELLED, LABELLED));
        // a0: positives g0 .2, g1 .6 -> g1; negatives g2 .5, g3 .9 -> g2; loss .3
        // a1: positives g0 .3, g1 .1 -> g0; negatives g2 .8, g3 .4 -> g3; loss .1
        // a2: positives g2 .3, g3 .5 -> g3; negatives g0 .75, g1 .2 -> g1; loss .5
        // a3: positives g2 .4, g3 .1 -> g2; negatives g0 .9, g1 .55 -> g1; loss .05
        assertArrayEquals(new int[] {0, 1, 2, 3}, mined.anchor());
        assertArrayEquals(new int[] {1, 0, 3, 2}, mined.positive());
        assertArrayEquals(new int[] {2, 3, 1, 1}, mined.negative());
        assertEquals(4, mined.activeTriplets());
    }

    @Test
    void labelAwareSemiHardMinesEveryPositivePair() {
        MinedTriplets mined =
                miner(LossSpec.Mining.SEMI_HARD)
                        .mine(TripletCandidates.labelAware(LABELLED_CLASSES, LABELLED, LABELLED));
        // (0,0) d_p .2, band (.2,.4) empty, nothing closer -> closest g2 .5   fallback
        // (0,1) d_p .6, band (.6,.8) empty, g2 .5 is closer -> g2             fallback
        // (1,0) d_p .3, band (.3,.5) holds g3 .4 -> g3
        // (1,1) d_p .1, band (.1,.3) empty, nothing closer -> closest g3 .4   fallback
        // (2,2) d_p .3, band (.3,.5) empty, g1 .2 is closer -> g1             fallback
        // (2,3) d_p .5, band (.5,.7) empty (g0 is .75), g1 .2 closer -> g1    fallback
        // (3,2) d_p .4, band (.4,.6) holds g1 .55 -> g1
        // (3,3) d_p .1, band (.1,.3) empty, nothing closer -> closest g1 .55  fallback
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3}, mined.anchor());
        assertArrayEquals(new int[] {0, 1, 0, 1, 2, 3, 2, 3}, mined.positive());
        assertArrayEquals(new int[] {2, 2, 3, 3, 1, 1, 1, 1}, mined.negative());
        assertEquals(6, mined.fallbacks());
        assertEquals(8, mined.validTriplets());
    }

    @Test
    void anAnchorWithoutNegativesYieldsNoTriplet() {
        float[][] one = {{0.3f}};
        for (LossSpec.Mining mining : LossSpec.Mining.values()) {
            MinedTriplets mined = miner(mining).mine(TripletCandidates.labelFree(one, one));
            assertEquals(0, mined.size(), mining.label());
            assertEquals(0, mined.validTriplets(), mining.label());
            assertEquals(0f, mined.activeFraction(), mining.label());
            assertTrue(Float.isNaN(mined.distanceSpread()), mining.label());
        }
        float[][] d = {{0.1f, 0.2f}, {0.3f, 0.4f}};
        MinedTriplets oneClass =
                miner(LossSpec.Mining.HARD)
                        .mine(TripletCandidates.labelAware(new long[] {2, 2}, d, d));
        assertEquals(0, oneClass.size());
    }

    @Test
    void badInputIsRejectedWithTheOffendingField() {
        IllegalArgumentException margin =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TripletMiner(LossSpec.Mining.HARD, -0.1f, 0L));
        assertTrue(margin.getMessage().contains("-0.1"), margin.getMessage());
        IllegalArgumentException length =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TripletCandidates.labelFree(3, new float[8], new float[9]));
        assertTrue(length.getMessage().contains("positiveDistance"), length.getMessage());
        float[] nan = new float[4];
        nan[3] = Float.NaN;
        IllegalArgumentException notFinite =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TripletCandidates.labelFree(2, nan, new float[4]));
        assertTrue(notFinite.getMessage().contains("[1, 1]"), notFinite.getMessage());
    }
}
