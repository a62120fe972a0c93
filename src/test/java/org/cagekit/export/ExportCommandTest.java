package org.cagekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cagekit.cli.Main;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Preparer;
import org.cagekit.data.ProtocolOptions;
import org.cagekit.train.Trainer;
import org.cagekit.train.TrainingConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cagekit export} and {@code cagekit info} on a small encoder trained for one epoch on real
 * UCI HAPT recordings of five users (three train, one validation, one test).
 */
class ExportCommandTest {
    @TempDir static Path dir;

    private static Path data;
    private static Path modelDir;

    @BeforeAll
    static void trainOnRealData() {
        String env = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                env != null && Files.isDirectory(Path.of(env, "uci-hapt", "RawData")),
                "CAGEKIT_DATA does not point at a folder with uci-hapt/RawData");
        data = Path.of(env);
        ProtocolOptions options =
                ProtocolOptions.defaults()
                        .trainUsers(List.of(1, 3, 5))
                        .valUsers(List.of(2))
                        .testUsers(List.of(4));
        PreparedData prepared = Preparer.prepare(data, "hapt", "hapt-6", options);
        modelDir = dir.resolve("run");
        TrainingConfig config =
                TrainingConfig.builder()
                        .epochs(1)
                        .batchSize(64)
                        .width(16)
                        .depth(2)
                        .embeddingDim(8)
                        .seed(3)
                        .build();
        Trainer.train(prepared, config, modelDir, List.of());
    }

    @Test
    void trainedHaptModelExportsWithinToleranceAndInfoShowsItsMetadata() throws Exception {
        Run export =
                cagekit("export", "--model", modelDir.toString(), "--data-dir", data.toString());
        assertEquals(Main.OK, export.code, export.err);
        Path onnx = modelDir.resolve("encoder.onnx");
        assertTrue(Files.isRegularFile(onnx));
        assertTrue(export.out.contains("wrote " + onnx), export.out);

        List<String> parity =
                Files.readAllLines(modelDir.resolve("parity.csv"), StandardCharsets.UTF_8);
        assertEquals(6, parity.size());
        for (String line : parity.subList(1, parity.size())) {
            String[] cells = line.split(",", -1);
            // columns 3 to 5: the three largest differences; column 9, the last: passed
            for (int c = 3; c <= 5; c++) {
                assertTrue(Double.parseDouble(cells[c]) <= 1e-5, line);
            }
            assertEquals("true", cells[9], line);
        }
        assertTrue(parity.get(2).startsWith("validation,"), parity.get(2));
        assertEquals("1.000000", parity.get(2).split(",")[6]);

        Run info = cagekit("info", onnx.toString());
        assertEquals(Main.OK, info.code, info.err);
        // Width 16, embedding size 8; HAPT gives three channels per sensor and 128-sample windows.
        assertTrue(info.out.contains("  accel            float32  [N, 3, 128]"), info.out);
        assertTrue(info.out.contains("  embedding        float32  [N, 16]"), info.out);
        assertTrue(info.out.contains("  cagekit.protocol = hapt-6"), info.out);
        assertTrue(info.out.contains("  cagekit.protocol.users.val = 2"), info.out);
        assertTrue(info.out.contains("  cagekit.embedding_size = 8"), info.out);
        assertTrue(info.out.contains("  normalised_in_graph = true"), info.out);
        assertTrue(info.out.contains("  cagekit.window_length = 128"), info.out);
        assertTrue(info.out.contains("  cagekit.sampling_rate_hz = 50.0"), info.out);
        assertTrue(info.out.contains("  cagekit.model_card = JSON, "), info.out);

        Run card = cagekit("info", "--card", onnx.toString());
        assertEquals(Main.OK, card.code, card.err);
        assertTrue(
                card.out.trim().startsWith("{") && card.out.contains("\"protocol\": \"hapt-6\""));
    }

    @Test
    void noNormalisationIsRecordedInTheMetadata() throws Exception {
        Path out = dir.resolve("raw.onnx");
        Run export =
                cagekit(
                        "export",
                        "--model",
                        modelDir.toString(),
                        "--data-dir",
                        data.toString(),
                        "--no-normalisation",
                        "--opset",
                        "18",
                        "--out",
                        out.toString());
        assertEquals(Main.OK, export.code, export.err);
        Run info = cagekit("info", out.toString());
        assertTrue(info.out.contains("  normalised_in_graph = false"), info.out);
        assertTrue(info.out.contains("  cagekit.opset = 18"), info.out);
    }

    @Test
    void anOpsetOutsideTheRangeIsAUsageError() {
        Run run = cagekit("export", "--model", modelDir.toString(), "--opset", "12");
        assertEquals(Main.USAGE, run.code);
        assertTrue(run.err.contains("--opset must be between 13 and 21, found 12"), run.err);
        assertFalse(Files.exists(dir.resolve("run").resolve("encoder.onnx.tmp")));
    }

    private record Run(int code, String out, String err) {}

    private static Run cagekit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
