package org.cagekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Preparer;
import org.cagekit.data.ProtocolOptions;
import org.cagekit.data.Split;
import org.cagekit.data.WindowCache;
import org.cagekit.report.EvaluationReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cagekit pipeline} on a small real subset of UCI HAPT (train users 1 and 3, validation user
 * 28, test user 2, one epoch): every file of the model and report folders, reports that agree with
 * the protocol's window counts, and {@code evaluate} reproducing them from the ONNX file alone.
 */
class PipelineCommandTest {
    @TempDir Path dir;

    private Path data;

    @BeforeEach
    void findData() {
        String root = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                root != null && Files.isDirectory(Path.of(root, "uci-hapt", "RawData")),
                "CAGEKIT_DATA does not point at a folder with uci-hapt/RawData");
        data = Path.of(root);
    }

    @Test
    void pipelineWritesEveryArtifactAndEvaluateReproducesItsMetrics() throws IOException {
        Path models = dir.resolve("models");
        Path reports = dir.resolve("reports");
        String[] args = {
            "pipeline",
            "--data-dir",
            data.toString(),
            "--dataset",
            "hapt",
            "--protocol",
            "hapt-13",
            "--loss",
            "ntxent",
            "--epochs",
            "1",
            "--train-users",
            "1,3",
            "--val-users",
            "28",
            "--test-users",
            "2",
            "--no-progress",
            "--no-cache",
            "--models",
            models.toString(),
            "--reports",
            reports.toString()
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.OK, code, err.toString());

        // The run is named after protocol and loss.
        Path model = models.resolve("hapt-13-ntxent");
        Path report = reports.resolve("hapt-13-ntxent");
        for (String file :
                List.of(
                        "encoder.onnx",
                        "parity.csv",
                        "model.json",
                        "history.csv",
                        "best.params",
                        "last.params")) {
            assertTrue(Files.isRegularFile(model.resolve(file)), file);
        }
        for (String file : EvaluationReport.FILES) {
            assertTrue(Files.isRegularFile(report.resolve(file)), file);
        }
        for (String file :
                List.of(
                        "history.csv",
                        "model.json",
                        "parity.csv",
                        "command.txt",
                        "index.html",
                        "split_embeddings.png",
                        "pca.png",
                        "confusion_test.png",
                        "confusion_val.png",
                        "training.png",
                        "knn_k.png")) {
            assertTrue(Files.isRegularFile(report.resolve(file)), file);
        }
        try (Stream<Path> files = Stream.concat(Files.walk(model), Files.walk(report))) {
            List<Path> temporary =
                    files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), temporary);
        }
        assertTrue(
                Files.readString(report.resolve("command.txt"))
                        .startsWith("cagekit pipeline --data-dir"));
        String[] lines = out.toString().trim().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("hapt-13-ntxent: prepare "), out.toString());

        // The windows the reports must account for, from the data layer.
        PreparedData windows =
                Preparer.prepare(
                        data,
                        "hapt",
                        "hapt-13",
                        ProtocolOptions.defaults()
                                .trainUsers(List.of(1, 3))
                                .valUsers(List.of(28))
                                .testUsers(List.of(2)),
                        WindowCache.disabled());
        Map<String, Double> metrics = metrics(report.resolve("metrics.csv"));
        for (Split split : List.of(Split.VALIDATION, Split.TEST)) {
            String name = split.shortName();
            long total = 0;
            long trace = 0;
            List<CSVRecord> confusion = read(report.resolve("confusion_" + name + ".csv"));
            for (int r = 0; r < confusion.size(); r++) {
                // Columns: true_label, true_name, then one count per predicted class.
                for (int c = 2; c < confusion.get(r).size(); c++) {
                    long count = Long.parseLong(confusion.get(r).get(c));
                    total += count;
                    trace += c - 2 == r ? count : 0;
                }
            }
            assertEquals(windows.split(split).size(), total, name + ": confusion sum");
            assertEquals((double) trace / total, metrics.get(name + ".accuracy"), 1e-12, name);
        }
        for (CSVRecord row : read(model.resolve("parity.csv"))) {
            assertEquals("true", row.get("passed"), row.toString());
        }

        // The same metrics again, from the ONNX file alone.
        Path again = dir.resolve("again");
        code =
                Main.run(
                        new String[] {
                            "evaluate",
                            "--model",
                            model.resolve("encoder.onnx").toString(),
                            "--data-dir",
                            data.toString(),
                            "--no-cache",
                            "--no-plots",
                            "--out",
                            again.toString()
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(err, true));
        assertEquals(Main.OK, code, err.toString());
        for (String file : List.of("metrics.csv", "confusion_test.csv", "predictions_test.csv")) {
            assertArrayEquals(
                    Files.readAllBytes(report.resolve(file)),
                    Files.readAllBytes(again.resolve(file)),
                    file);
        }
    }

    @Test
    void badRunNamesAndTooLargeKFailBeforeAnythingIsWritten() {
        Path models = dir.resolve("m");
        Path reports = dir.resolve("r");
        StringWriter err = new StringWriter();
        for (String name : List.of("../escape", "", "a/b")) {
            int code =
                    Main.run(
                            new String[] {
                                "pipeline",
                                "--run",
                                name,
                                "--models",
                                models.toString(),
                                "--reports",
                                reports.toString()
                            },
                            new PrintWriter(new StringWriter(), true),
                            new PrintWriter(err, true));
            assertEquals(Main.USAGE, code, name);
        }
        assertTrue(err.toString().contains("--run must be a plain folder name"), err.toString());
        // Users 1 and 3 give 1219 train windows (the data layer's count for hapt-13 with the
        // default train stride), fewer than k = 5000: the run stops before training.
        int code =
                Main.run(
                        new String[] {
                            "pipeline",
                            "--data-dir",
                            data.toString(),
                            "--train-users",
                            "1,3",
                            "--val-users",
                            "28",
                            "--test-users",
                            "2",
                            "--k",
                            "5000",
                            "--no-cache",
                            "--models",
                            models.toString(),
                            "--reports",
                            reports.toString()
                        },
                        new PrintWriter(new StringWriter(), true),
                        new PrintWriter(err, true));
        assertEquals(Main.FAILURE, code);
        assertTrue(
                err.toString().contains("--k 5000 exceeds the 1219 train windows"), err.toString());
        assertTrue(!Files.exists(models) && !Files.exists(reports), "nothing written");
    }

    private static Map<String, Double> metrics(Path file) throws IOException {
        Map<String, Double> metrics = new HashMap<>();
        for (CSVRecord r : read(file)) {
            metrics.put(r.get("split") + "." + r.get("metric"), Double.parseDouble(r.get("value")));
        }
        return metrics;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }
}
