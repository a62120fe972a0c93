package org.cagekit.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParityReportTest {
    private static final double TOLERANCE = 1e-5;

    private static ParityReport.Row validation(int disagreements, int undecided) {
        // 923 windows, as the hapt-13 validation split; agreement = (923 - disagreements) / 923.
        return new ParityReport.Row(
                "validation",
                923,
                256,
                2e-7,
                2e-7,
                2e-7,
                (923.0 - disagreements) / 923,
                disagreements,
                undecided);
    }

    @Test
    void fullAgreementPasses() {
        assertTrue(validation(0, 0).passed(TOLERANCE));
    }

    @Test
    void aDisagreementOnAnUndecidedWindowPasses() {
        // One window differs, and its 7th and 8th neighbours are within the distance bound.
        assertTrue(validation(1, 1).passed(TOLERANCE));
    }

    @Test
    void aDisagreementOnADecidedWindowFails() {
        // Two windows differ, only one of them undecided: the other is a real discrepancy.
        assertFalse(validation(2, 1).passed(TOLERANCE));
    }

    @Test
    void aLargeDifferenceFailsWhateverKnnSays() {
        ParityReport.Row row = new ParityReport.Row("validation", 923, 256, 2e-5, 0, 0, 1.0, 0, 0);
        assertFalse(row.passed(TOLERANCE));
    }

    @Test
    void nanNeverPasses() {
        ParityReport.Row row = new ParityReport.Row("reference", 10, 10, Double.NaN, 0, 0);
        assertFalse(row.passed(TOLERANCE));
        ParityReport report = new ParityReport(List.of(validation(0, 0), row), TOLERANCE);
        assertFalse(report.passed());
    }
}
