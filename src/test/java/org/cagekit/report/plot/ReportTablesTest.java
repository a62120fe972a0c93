package org.cagekit.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers of the report CSV files, on small files written here. */
class ReportTablesTest {
    @TempDir Path dir;

    @Test
    void historyWithTheTrainersColumns() throws Exception {
        ReportFixture.writeRun(dir);
        TrainingHistory history = TrainingHistory.read(dir.resolve("history.csv"));
        assertEquals(List.of(1.0, 2.0, 3.0), history.loss().x());
        assertEquals(List.of(4.1, 3.2, 2.6), history.loss().y());
        assertEquals(List.of(4.2, 3.4, 2.9), history.validationLoss().orElseThrow().y());
        assertEquals(List.of(0.21, 0.45, 0.62), history.top1().orElseThrow().y());
        assertEquals(List.of(0.2, 0.41, 0.55), history.validationTop1().orElseThrow().y());
        assertEquals(List.of(0.1, 0.09, 0.085), history.temperature().orElseThrow().y());
    }

    @Test
    void historyWithoutOptionalColumnsAndWithGaps() throws Exception {
        ReportFixture.write(dir.resolve("h.csv"), "epoch,loss,val_loss\n1,2.0,\n2,1.5,1.7\n");
        TrainingHistory history = TrainingHistory.read(dir.resolve("h.csv"));
        assertEquals(List.of(2.0), history.validationLoss().orElseThrow().x());
        assertTrue(history.top1().isEmpty());
        assertTrue(history.temperature().isEmpty());
    }

    @Test
    void knnCurveWideAndLong() throws Exception {
        ReportFixture.writeRun(dir);
        KnnCurve wide = KnnCurve.read(dir.resolve("knn_k.csv"));
        assertEquals(
                List.of("validation", "test"), wide.series().stream().map(Series::name).toList());
        assertEquals(0.82, wide.series().get(0).y().get(3));
        ReportFixture.write(
                dir.resolve("long.csv"), "k,split,accuracy\n3,test,0.7\n1,test,0.6\n1,val,0.65\n");
        KnnCurve curve = KnnCurve.read(dir.resolve("long.csv"));
        assertEquals("validation", curve.series().get(0).name());
        assertEquals(List.of(1.0, 3.0), curve.series().get(1).x());
        assertEquals(List.of(0.6, 0.7), curve.series().get(1).y());
    }

    @Test
    void experimentSummaryMeanAndSampleDeviation() throws Exception {
        // Variant a: test accuracy 0.80, 0.84, 0.82 -> mean 0.82, sample deviation
        // sqrt((0.02^2 + 0.02^2 + 0) / 2) = 0.02. Variant b: one seed, deviation 0.
        ReportFixture.write(
                dir.resolve("summary.csv"),
                "variant,seed,val_accuracy,test_accuracy,weighted_f1,macro_f1,epochs,"
                        + "training_seconds\n"
                        + "a,1,0.7,0.80,0.7,0.6,2,10\na,2,0.7,0.84,0.7,0.6,2,10\n"
                        + "a,3,0.7,0.82,0.7,0.6,2,10\nb,1,0.5,0.5,0.4,0.3,2,10\n");
        ExperimentSummary summary = ExperimentSummary.read(dir.resolve("summary.csv"));
        assertEquals(
                List.of(
                        "test accuracy",
                        "test weighted F1",
                        "test macro F1",
                        "validation accuracy"),
                summary.scores());
        ExperimentSummary.Variant a = summary.variants().get(0);
        assertEquals(3, a.seeds());
        assertEquals(0.82, a.mean()[0], 1e-12);
        assertEquals(0.02, a.std()[0], 1e-12);
        assertEquals(0.80, a.min()[0], 1e-12);
        assertEquals(0.84, a.max()[0], 1e-12);
        assertEquals(0, summary.variants().get(1).std()[0]);
    }

    @Test
    void confusionNamesAndErrors() throws Exception {
        ReportFixture.writeRun(dir);
        ConfusionCounts test = ConfusionCounts.read(dir.resolve("confusion_test.csv"), Map.of());
        assertEquals(List.of("WALKING", "SITTING", "LIE_TO_STAND"), test.classes());
        assertEquals(4, test.counts()[2][1]);
        ReportFixture.write(dir.resolve("c.csv"), "true\\predicted,1,2\n1,3,1\n2,0,4\n");
        ConfusionCounts counts = ConfusionCounts.read(dir.resolve("c.csv"), Map.of(1, "A", 2, "B"));
        assertEquals(List.of("A", "B"), counts.classes());
        assertEquals(7.0 / 8, counts.accuracy(), 1e-15);
        ReportFixture.write(dir.resolve("bad.csv"), "x,A,B\nA,3,1\nB,zero,4\n");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionCounts.read(dir.resolve("bad.csv"), Map.of()));
        assertEquals(
                dir.resolve("bad.csv") + " line 3, column A: expected a number, found 'zero'",
                e.getMessage());
        ReportFixture.write(dir.resolve("swapped.csv"), "x,A,B\nB,3,1\nA,0,4\n");
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfusionCounts.read(dir.resolve("swapped.csv"), Map.of()));
    }

    @Test
    void embeddingsWithIdOrNameLabels() throws Exception {
        ReportFixture.writeEmbeddings(dir.resolve("e.csv"), 3, 1);
        EmbeddingTable table = EmbeddingTable.read(dir.resolve("e.csv"), Map.of(1, "WALKING"));
        assertEquals(60, table.size());
        assertEquals(3, table.dimension());
        // Names from the class_name column, whatever the model card says.
        assertEquals("WALKING", table.classNames().get(1));
        assertEquals("SITTING", table.classNames().get(2));
        ReportFixture.write(
                dir.resolve("ids.csv"),
                "window,subject,label,accel_0,gyro_0\n0,1,4,0,0\n1,1,5,1,1\n");
        EmbeddingTable ids = EmbeddingTable.read(dir.resolve("ids.csv"), Map.of(4, "STANDING"));
        assertEquals(Map.of(4, "STANDING", 5, "class 5"), ids.classNames());
        assertEquals(6, table.concatenated()[0].length);
        ReportFixture.write(
                dir.resolve("n.csv"),
                "window,subject,label,gyro_0,accel_0\n0,1,SIT,0.5,0.25\n1,1,LIE,1,2\n");
        EmbeddingTable named = EmbeddingTable.read(dir.resolve("n.csv"), Map.of());
        // Names numbered in sorted order: LIE 0, SIT 1; columns ordered by name, not position.
        assertEquals(1, named.labels()[0]);
        assertEquals(0.25, named.accel()[0][0]);
        assertEquals(0.5, named.gyro()[0][0]);
        ReportFixture.write(
                dir.resolve("odd.csv"), "window,subject,label,accel_0,accel_1,gyro_0\n");
        assertThrows(
                IllegalArgumentException.class,
                () -> EmbeddingTable.read(dir.resolve("odd.csv"), Map.of()));
    }
}
