package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Label rules on an eight-sample recording with windows of four samples. */
class LabelRuleTest {
    //                                0  1  2  3  4  5  6  7
    private static final int[] LABELS = {0, 0, 1, 1, 1, 2, 2, 2};

    @Test
    void afterTakesTheSampleFollowingTheWindow() {
        // Window 0-3: sample 4 has label 1; window 1-4: sample 5 has label 2.
        assertEquals(1, LabelRule.AFTER.label(LABELS, 0, 4));
        assertEquals(2, LabelRule.AFTER.label(LABELS, 1, 4));
    }

    @Test
    void lastTakesTheWindowsLastSample() {
        // Window 0-3 ends on sample 3 (label 1); window 4-7 ends on sample 7 (label 2).
        assertEquals(1, LabelRule.LAST.label(LABELS, 0, 4));
        assertEquals(2, LabelRule.LAST.label(LABELS, 4, 4));
    }

    @Test
    void majorityBreaksTiesTowardsTheSmallestId() {
        // Window 1-4 holds 0,1,1,1: three 1s.
        assertEquals(1, LabelRule.MAJORITY.label(LABELS, 1, 4));
        // Window 0-3 holds 0,0,1,1: a tie between 0 and 1 goes to 0.
        assertEquals(0, LabelRule.MAJORITY.label(LABELS, 0, 4));
        // Window 3-6 holds 1,1,2,2: a tie between 1 and 2 goes to 1.
        assertEquals(1, LabelRule.MAJORITY.label(LABELS, 3, 4));
    }

    @Test
    void pureDropsMixedWindows() {
        // Window 0-3 mixes 0 and 1; window 5-7 of length 3 is all 2.
        assertEquals(LabelRule.DROPPED, LabelRule.PURE.label(LABELS, 0, 4));
        assertEquals(2, LabelRule.PURE.label(LABELS, 5, 3));
    }

    @Test
    void unknownRuleNamesTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LabelRule.parse("middle"));
        assertEquals(
                "unknown label rule 'middle': known rules are after, last, majority, pure",
                e.getMessage());
    }
}
