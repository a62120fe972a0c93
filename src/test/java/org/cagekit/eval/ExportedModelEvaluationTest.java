package org.cagekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cagekit.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small encoder trained for one epoch on real HAPT windows (train user 1, validation user 28,
 * test user 2) and exported by {@code cagekit export}, then evaluated from the {@code .onnx} file
 * alone: in this JVM, and again in a JVM without DJL, which must write the same metrics.
 */
class ExportedModelEvaluationTest {
    @TempDir Path dir;

    @Test
    void exportedModelEvaluatesTheSameWithoutDjl() throws IOException {
        String data = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                data != null && Files.isDirectory(Path.of(data, "uci-hapt", "RawData")),
                "CAGEKIT_DATA does not point at a folder with uci-hapt/RawData");
        Path model = dir.resolve("model");
        List<String> users =
                List.of(
                        "--data-dir",
                        data,
                        "--no-cache",
                        "--train-users",
                        "1",
                        "--val-users",
                        "28",
                        "--test-users",
                        "2");
        cagekit(
                concat(
                        List.of(
                                "train",
                                "--dataset",
                                "hapt",
                                "--protocol",
                                "hapt-13",
                                "--epochs",
                                "1",
                                "--width",
                                "16",
                                "--depth",
                                "2",
                                "--embedding-dim",
                                "16",
                                "--no-progress",
                                "--out",
                                model.toString()),
                        users));
        cagekit(List.of("export", "--model", model.toString(), "--data-dir", data));
        Path onnx = model.resolve("encoder.onnx");
        assertTrue(Files.isRegularFile(onnx));

        Path here = dir.resolve("report-here");
        cagekit(
                List.of(
                        "evaluate",
                        "--model",
                        onnx.toString(),
                        "--data-dir",
                        data,
                        "--no-cache",
                        "--out",
                        here.toString()));
        Path apart = dir.resolve("report-apart");
        ChildJvm.Outcome outcome =
                ChildJvm.run(
                        List.of("-Xmx1g"),
                        Main.class.getName(),
                        List.of(
                                "evaluate",
                                "--model",
                                onnx.toString(),
                                "--data-dir",
                                data,
                                "--no-cache",
                                "--out",
                                apart.toString()),
                        300);
        assertEquals(Main.OK, outcome.exitCode(), outcome.err());
        for (String file : List.of("metrics.csv", "confusion_test.csv", "predictions_val.csv")) {
            assertEquals(
                    Files.readString(here.resolve(file), StandardCharsets.UTF_8),
                    Files.readString(apart.resolve(file), StandardCharsets.UTF_8),
                    file);
        }
        // 16 + 16 dimensions in the embeddings file: window, subject, label, 32 values, name.
        String header = Files.readAllLines(here.resolve("embeddings_test.csv")).get(0);
        assertEquals(3 + 32 + 1, header.split(",").length);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void cagekit(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        assertEquals(Main.OK, code, args.get(0) + ": " + err);
    }
}
