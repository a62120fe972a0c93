package org.cagekit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.nn.Activation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cagekit.data.ModelCard;
import org.cagekit.data.WindowSet;
import org.cagekit.eval.EncodedWindows;
import org.cagekit.eval.OnnxEncoder;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelExportTest {
    private static final int T = 128;

    @TempDir Path dir;

    @Test
    void randomInitialisedModelMatchesDjlOnEveryCheck() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        WindowSet reference = ExportFixture.windows(90, T, 1);
        WindowSet validation = ExportFixture.windows(40, T, 2);
        try (Model model = ExportFixture.randomModel(config, T, 11)) {
            ModelExport.Result result =
                    export(
                            model,
                            ExportFixture.card(config, T),
                            reference,
                            validation,
                            ExportOptions.defaults());

            assertTrue(Files.isRegularFile(dir.resolve("encoder.onnx")));
            assertFalse(Files.exists(dir.resolve("encoder.onnx.tmp")));
            assertParityPassed(result.parity(), 90, 40);
            List<String> csv =
                    Files.readAllLines(dir.resolve("parity.csv"), StandardCharsets.UTF_8);
            assertEquals(String.join(",", ParityReport.HEADER), csv.get(0));
            // reference, validation, batch-1, batch-7, batch-64
            assertEquals(6, csv.size());
            assertTrue(csv.get(2).startsWith("validation,40,40,"), csv.get(2));
            // agreement 1, no undecided window, tolerance, passed
            assertTrue(csv.get(2).contains(",1.000000,0,1.000e-05,true"), csv.get(2));
        }
    }

    @Test
    void trainedModelMatchesDjl() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        WindowSet reference = ExportFixture.windows(60, T, 3);
        WindowSet validation = ExportFixture.windows(30, T, 4);
        try (Model initial = ExportFixture.trainedModel(config, reference, 0, 5);
                Model trained = ExportFixture.trainedModel(config, reference, 5, 5)) {
            float[] before = projection(initial);
            float[] after = projection(trained);
            // Same seed, same initial values: five Adam steps must have moved the weights.
            assertNotEquals(before[0], after[0]);
            ModelExport.Result result =
                    export(
                            trained,
                            ExportFixture.card(config, T),
                            reference,
                            validation,
                            ExportOptions.defaults());
            assertParityPassed(result.parity(), 60, 30);
        }
    }

    @Test
    void batchesOfOneSevenAndSixtyFourAreCheckedEvenOnASmallerSplit() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        // 20 validation windows: the batch of 64 repeats them cyclically.
        WindowSet reference = ExportFixture.windows(30, T, 5);
        WindowSet validation = ExportFixture.windows(20, T, 6);
        try (Model model = ExportFixture.randomModel(config, T, 12)) {
            ModelExport.Result result =
                    export(
                            model,
                            ExportFixture.card(config, T),
                            reference,
                            validation,
                            ExportOptions.defaults());
            List<ParityReport.Row> rows = result.parity().rows();
            for (int i = 0; i < 3; i++) {
                int size = ParityCheck.BATCH_SIZES.get(i);
                ParityReport.Row row = rows.get(2 + i);
                assertEquals("batch-" + size, row.check());
                assertEquals(size, row.windows());
                assertEquals(size, row.batchSize());
                assertTrue(row.maxAbsDiff() <= ParityCheck.TOLERANCE, row.toString());
            }
            try (OnnxEncoder encoder = OnnxEncoder.open(result.onnxFile(), 1)) {
                for (int size : List.of(1, 7, 64)) {
                    int[] windows = new int[size];
                    for (int i = 0; i < size; i++) {
                        windows[i] = i % validation.size();
                    }
                    EncodedWindows e = encoder.encode(validation.select(windows), size);
                    assertEquals(size, e.joint().length);
                    assertEquals(2 * config.embeddingDim(), e.joint()[0].length);
                    // Window i % 20 and window i + 20 are the same window: same embedding.
                    if (size == 64) {
                        assertArrayEquals(e.joint()[3], e.joint()[23], 0f);
                    }
                }
            }
        }
    }

    @Test
    void failedParityLeavesNoFile() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        ModelCard card = ExportFixture.card(config, T);
        // A NaN statistic makes both sides NaN, which never counts as agreement.
        card.accelStd = new float[] {Float.NaN, 1f, 1f};
        try (Model model = ExportFixture.randomModel(config, T, 13)) {
            ParityException e =
                    assertThrows(
                            ParityException.class,
                            () ->
                                    export(
                                            model,
                                            card,
                                            ExportFixture.windows(30, T, 7),
                                            ExportFixture.windows(10, T, 8),
                                            ExportOptions.defaults()));
            assertFalse(e.report().passed());
            assertTrue(e.getMessage().contains("no file was written"), e.getMessage());
        }
        assertNoFiles();
    }

    @Test
    void unsupportedBlockIsNamedAndNothingIsWritten() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        try (Model model = Model.newInstance("cage")) {
            CageModel block = new CageModel(config);
            // After the temporal mean the features are [N, width]; tanh keeps that shape.
            block.accelEncoder().add(Activation.tanhBlock());
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(),
                    ai.djl.ndarray.types.DataType.FLOAT32,
                    new ai.djl.ndarray.types.Shape(1, 3, T),
                    new ai.djl.ndarray.types.Shape(1, 3, T));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    export(
                                            model,
                                            ExportFixture.card(config, T),
                                            ExportFixture.windows(30, T, 9),
                                            ExportFixture.windows(10, T, 10),
                                            ExportOptions.defaults()));
            // Depth 3: conv, relu, pool, conv, relu, pool, conv, relu, mean, then the 10th block.
            assertTrue(e.getMessage().contains("01accelEncoder/10LambdaBlock"), e.getMessage());
            assertTrue(e.getMessage().contains("ai.djl.nn.LambdaBlock"), e.getMessage());
        }
        assertNoFiles();
    }

    private ModelExport.Result export(
            Model model,
            ModelCard card,
            WindowSet reference,
            WindowSet validation,
            ExportOptions options) {
        return ModelExport.export(
                (CageModel) model.getBlock(),
                card,
                reference,
                validation,
                dir.resolve("encoder.onnx"),
                dir.resolve("parity.csv"),
                options);
    }

    private void assertNoFiles() throws Exception {
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    private static void assertParityPassed(ParityReport report, int reference, int validation) {
        assertTrue(report.passed(), report.summary());
        List<ParityReport.Row> rows = report.rows();
        assertEquals(5, rows.size());
        assertEquals("reference", rows.get(0).check());
        assertEquals(reference, rows.get(0).windows());
        assertEquals("validation", rows.get(1).check());
        assertEquals(validation, rows.get(1).windows());
        assertEquals(1.0, rows.get(1).knnAgreement(), 0.0);
        for (ParityReport.Row row : rows) {
            assertTrue(row.maxAbsDiff() <= 1e-5, row.toString());
        }
    }

    private static float[] projection(Model model) {
        return ((CageModel) model.getBlock())
                .accelProjection()
                .getParameters()
                .get("weight")
                .getArray()
                .toFloatArray();
    }
}
