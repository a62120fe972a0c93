package org.cagekit.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cagekit.experiment.ExperimentTable.Column;
import org.cagekit.loss.LossSpec;
import org.cagekit.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTableTest {
    private static final Variant UNTRAINED = new Variant("random-init", "untrained", null, false);
    private static final Variant NTXENT =
            new Variant("ntxent", "NT-Xent", LossSpec.defaults(), false);
    private static final Variant SUPERVISED =
            new Variant(
                    "aware",
                    "label-aware",
                    LossSpec.builder().loss(LossSpec.TRIPLET).labelAware(true).build(),
                    true);

    /** Two classes: {@code a} windows of class 1 predicted right, {@code b} of class 2 wrong. */
    private static SplitScores scores(double accuracy, double weightedF1, long a, long b) {
        return new SplitScores(
                (int) (a + b),
                accuracy,
                weightedF1,
                weightedF1 - 0.1,
                new int[] {1, 2},
                new long[][] {{a, 0}, {b, 0}});
    }

    private static RunResult result(Variant v, long seed, double testAccuracy, double f1) {
        return new RunResult(
                v.name(),
                v.supervised(),
                seed,
                v.trained() ? 10 : 0,
                v.trained() ? 7 : 0,
                v.trained() ? 12.5 * seed : 0,
                1e-7,
                scores(testAccuracy - 0.05, f1, 3, 1),
                scores(testAccuracy, f1, 5, 2),
                Map.of("seed", Long.toString(seed)));
    }

    @Test
    void meansStandardDeviationsSummedConfusionsAndBestMarks() {
        List<RunResult> results =
                List.of(
                        result(UNTRAINED, 1, 0.50, 0.45),
                        result(UNTRAINED, 2, 0.60, 0.55),
                        result(NTXENT, 1, 0.80, 0.78),
                        result(NTXENT, 2, 0.90, 0.86),
                        result(SUPERVISED, 1, 0.95, 0.94));
        ExperimentTable table = ExperimentTable.of(List.of(UNTRAINED, NTXENT, SUPERVISED), results);
        ExperimentTable.Row ntxent = table.rows().get(1);
        // Mean of 0.80 and 0.90 is 0.85; sample sd = sqrt((0.05² + 0.05²) / 1) = 0.0707107.
        assertEquals(0.85, ntxent.mean()[Column.TEST_ACCURACY.ordinal()], 1e-12);
        assertEquals(0.0707107, ntxent.std()[Column.TEST_ACCURACY.ordinal()], 1e-7);
        // Train seconds 12.5 and 25: mean 18.75.
        assertEquals(18.75, ntxent.mean()[Column.TRAIN_SECONDS.ordinal()], 1e-12);
        // A single seed has sd 0.
        assertEquals(0.0, table.rows().get(2).std()[Column.TEST_ACCURACY.ordinal()]);
        // Two runs of {{5, 0}, {2, 0}}.
        assertArrayEquals(new long[][] {{10, 0}, {4, 0}}, ntxent.testConfusion());
        assertArrayEquals(new int[] {1, 2}, ntxent.classIds());
        // The supervised reference holds the best test accuracy; the best label-free is NT-Xent.
        assertTrue(table.isBest(2, Column.TEST_ACCURACY));
        assertFalse(table.isBest(1, Column.TEST_ACCURACY));
        assertSame(ntxent, table.bestLabelFree());
        assertSame(table.rows().get(0), table.untrained());
    }

    @Test
    void aResultOfAnUnknownVariantIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ExperimentTable.of(
                                        List.of(UNTRAINED), List.of(result(NTXENT, 1, 0.5, 0.5))));
        assertTrue(e.getMessage().contains("'ntxent'"), e.getMessage());
    }

    private static String markdown(List<RunResult> results) {
        ExperimentPlan plan =
                new ExperimentPlan(
                        "test-preset",
                        List.of(UNTRAINED, NTXENT, SUPERVISED),
                        List.of(1L, 2L),
                        TrainingConfig.builder().epochs(10).build(),
                        7,
                        Path.of("models"),
                        Path.of("reports"),
                        "cagekit experiment --epochs 10");
        ExperimentTable table = ExperimentTable.of(plan.variants(), results);
        SummaryWriter.Context context =
                new SummaryWriter.Context(
                        "hapt",
                        "hapt-13",
                        Map.of("window.length", "128"),
                        new TreeMap<>(Map.of(1, "WALKING", 2, "SITTING")),
                        Map.of("test", 7),
                        List.of("processor: test"));
        return SummaryWriter.markdown(plan, table, context);
    }

    @Test
    void notesAreAppendedUnderTheirOwnHeading(@TempDir Path dir) throws Exception {
        ExperimentPlan plan =
                new ExperimentPlan(
                        "test-preset",
                        List.of(UNTRAINED, NTXENT),
                        List.of(1L),
                        TrainingConfig.builder().epochs(10).build(),
                        7,
                        Path.of("models"),
                        Path.of("reports"),
                        "cagekit experiment --epochs 10");
        ExperimentTable table =
                ExperimentTable.of(
                        plan.variants(),
                        List.of(result(UNTRAINED, 1, 0.50, 0.45), result(NTXENT, 1, 0.84, 0.82)));
        SummaryWriter.Context context =
                new SummaryWriter.Context(
                        "hapt",
                        "hapt-13",
                        Map.of("window.length", "128"),
                        new TreeMap<>(Map.of(1, "WALKING", 2, "SITTING")),
                        Map.of("test", 7),
                        List.of("processor: test"));
        Path md =
                SummaryWriter.writeMarkdown(
                        dir, plan, table, context, "\n- a 10-epoch pilot reached 72 %.\n\n");
        String text = Files.readString(md, StandardCharsets.UTF_8);
        // The notes, stripped of surrounding blank lines, close the file.
        assertTrue(text.endsWith("## Notes\n\n- a 10-epoch pilot reached 72 %.\n"), text);
        assertTrue(text.startsWith(SummaryWriter.markdown(plan, table, context)), text);
    }

    @Test
    void goalsAreStatedWithTheMeasuredFigures() {
        String met =
                markdown(
                        List.of(
                                result(UNTRAINED, 1, 0.50, 0.45),
                                result(NTXENT, 1, 0.84, 0.82),
                                result(SUPERVISED, 1, 0.95, 0.94)));
        assertTrue(
                met.contains(
                        "beats random-init on test accuracy: **met**.\n"
                                + "   - ntxent: 84.00 % > random-init's 50.00 %\n"),
                met);
        assertTrue(
                met.contains(
                        "weighted F1: **met**. The best label-free variant by mean test"
                                + " accuracy is ntxent with 84.00 % and weighted F1 0.8200"),
                met);
        // Validation accuracy is the test accuracy - 0.05: 79 % for NT-Xent, 90 % for the
        // supervised reference, which holds the column's best and is in bold.
        assertTrue(met.contains("| ntxent | 1 | 79.00 ± 0.00 |"), met);
        assertTrue(met.contains("| aware (supervised) | 1 | **90.00 ± 0.00** |"), met);
        assertTrue(met.contains("| 1 WALKING | 5 | 0 |\n| 2 SITTING | 2 | 0 |"), met);

        String missed =
                markdown(
                        List.of(
                                result(UNTRAINED, 1, 0.70, 0.65),
                                result(NTXENT, 1, 0.60, 0.58),
                                result(SUPERVISED, 1, 0.95, 0.94)));
        assertTrue(missed.contains("on test accuracy: **not met** (ntxent).\n"), missed);
        assertTrue(missed.contains("   - ntxent: 60.00 % <= random-init's 70.00 %\n"), missed);
        assertTrue(missed.contains("weighted F1: **not met**."), missed);
        assertTrue(missed.contains("What was tried:"), missed);
    }
}
