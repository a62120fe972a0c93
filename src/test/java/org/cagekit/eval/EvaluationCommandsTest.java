package org.cagekit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cagekit.cli.Main;
import org.cagekit.report.EmbeddingFiles;
import org.cagekit.report.EvaluationReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cagekit embed} and {@code cagekit evaluate} on real HAPT windows, with the tiny fixture
 * encoder whose card names users 1 and 3 for training, 28 for validation and 2 for testing.
 */
class EvaluationCommandsTest {
    @TempDir Path dir;

    private Path dataRoot;
    private Path model;

    @BeforeEach
    void findData() {
        String data = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                data != null && Files.isDirectory(Path.of(data, "uci-hapt", "RawData")),
                "CAGEKIT_DATA does not point at a folder with uci-hapt/RawData");
        dataRoot = Path.of(data);
        model = OnnxEncoderTest.fixture(dir, "tiny-encoder.onnx");
    }

    @Test
    void evaluateWritesConsistentReports() throws IOException {
        Path out = dir.resolve("report");
        Run run = cagekit("evaluate", "--model", model.toString(), "--out", out.toString());
        assertEquals(Main.OK, run.code(), run.err());
        String[] lines = run.out().trim().split("\n");
        assertEquals(1, lines.length, run.out());
        assertTrue(lines[0].startsWith("val accuracy "), lines[0]);
        for (String file : EvaluationReport.FILES) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
            assertFalse(Files.exists(out.resolve(file + ".tmp")), file + ".tmp");
            assertFalse(read(out.resolve(file)).isEmpty(), file);
        }
        Map<String, Double> metrics = new HashMap<>();
        for (CSVRecord r : read(out.resolve("metrics.csv"))) {
            metrics.put(r.get("split") + "." + r.get("metric"), Double.parseDouble(r.get("value")));
        }
        for (String split : List.of("val", "test")) {
            List<CSVRecord> confusion = read(out.resolve("confusion_" + split + ".csv"));
            List<CSVRecord> predictions = read(out.resolve("predictions_" + split + ".csv"));
            long total = 0;
            long trace = 0;
            long correct = 0;
            for (int r = 0; r < confusion.size(); r++) {
                for (int c = 2; c < confusion.get(r).size(); c++) {
                    long count = Long.parseLong(confusion.get(r).get(c));
                    total += count;
                    if (c - 2 == r) {
                        trace += count;
                    }
                }
            }
            for (CSVRecord p : predictions) {
                if (p.get("true").equals(p.get("predicted"))) {
                    correct++;
                }
                double share = Double.parseDouble(p.get("vote_share"));
                assertTrue(share > 0 && share <= 1, "vote share " + share);
            }
            long windows = metrics.get(split + ".windows").longValue();
            assertTrue(windows > 0, split + " has no windows");
            assertEquals(windows, total, split + ": confusion sum");
            assertEquals(windows, predictions.size(), split + ": predictions");
            assertEquals(trace, correct, split + ": diagonal against predictions");
            assertEquals((double) trace / total, metrics.get(split + ".accuracy"), 1e-12, split);
        }
        List<CSVRecord> sweep = read(out.resolve("knn_k.csv"));
        assertEquals(Evaluator.K_SWEEP.size(), sweep.size());
        assertEquals(
                metrics.get("test.accuracy"),
                Double.parseDouble(sweep.get(Evaluator.K_SWEEP.indexOf(7)).get("test_accuracy")),
                1e-12);
        List<CSVRecord> embeddings = read(out.resolve("embeddings_test.csv"));
        assertEquals(metrics.get("test.windows").longValue(), embeddings.size());
        assertEquals(3 + 2 * 4 + 1, embeddings.get(0).size());
    }

    @Test
    void embedWritesCsvAndBinaryAlike() throws IOException {
        Path csv = dir.resolve("test.csv");
        Path bin = dir.resolve("test.bin");
        for (Path out : List.of(csv, bin)) {
            Run run =
                    cagekit(
                            "embed",
                            "--model",
                            model.toString(),
                            "--split",
                            "test",
                            "--out",
                            out.toString());
            assertEquals(Main.OK, run.code(), run.err());
        }
        List<CSVRecord> rows = read(csv);
        EmbeddingFiles.Contents contents = EmbeddingFiles.readBinary(bin);
        assertEquals(rows.size(), contents.windows().length);
        assertEquals(16 + rows.size() * (12 + 8 * 4L), Files.size(bin));
        for (int w = 0; w < rows.size(); w++) {
            CSVRecord r = rows.get(w);
            assertEquals(w, contents.windows()[w]);
            // Test users of the card: 2 only.
            assertEquals(2, contents.subjects()[w]);
            assertEquals(Integer.parseInt(r.get("label")), contents.labels()[w]);
            float[] accel = new float[4];
            for (int i = 0; i < 4; i++) {
                accel[i] = Float.parseFloat(r.get("accel_" + i));
            }
            assertArrayEquals(accel, contents.accel()[w]);
        }
    }

    @Test
    void conflictingProtocolIsUsageErrorNamingBoth() {
        Run run =
                cagekit(
                        "evaluate",
                        "--model",
                        model.toString(),
                        "--protocol",
                        "hapt-6",
                        "--out",
                        dir.resolve("r").toString());
        assertEquals(Main.USAGE, run.code(), run.err());
        assertTrue(
                run.err().contains("--protocol hapt-6 conflicts with the model's protocol hapt-13"),
                run.err());
    }

    /** Users 1 and 3 give 1,219 train windows; k = 5000 must name both numbers. */
    @Test
    void kLargerThanReferencesNamesBoth() {
        Run run =
                cagekit(
                        "evaluate",
                        "--model",
                        model.toString(),
                        "--k",
                        "5000",
                        "--out",
                        dir.resolve("r").toString());
        assertEquals(Main.FAILURE, run.code(), run.err());
        assertTrue(run.err().contains("k = 5000 exceeds"), run.err());
        assertTrue(run.err().contains("(1219 windows of train)"), run.err());
    }

    /**
     * Both commands in a JVM whose class path holds no DJL jar: the evaluation side must load and
     * run without DJL's classes or native library.
     */
    @Test
    void commandsRunWithoutDjl() throws IOException {
        String classPath = ChildJvm.classPathWithoutDjl();
        assertTrue(classPath.contains("onnxruntime"), classPath);
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            assertFalse(ChildJvm.isDjl(entry), entry);
            if (entry.endsWith(".jar")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry)) {
                    assertTrue(jar.getEntry("ai/djl/") == null, entry + " holds DJL classes");
                }
            }
        }
        Path report = dir.resolve("djl-free");
        Path embeddings = dir.resolve("djl-free.f32");
        List<List<String>> commands =
                List.of(
                        List.of(
                                "evaluate",
                                "--model",
                                model.toString(),
                                "--data-dir",
                                dataRoot.toString(),
                                "--no-cache",
                                "--out",
                                report.toString()),
                        List.of(
                                "embed",
                                "--model",
                                model.toString(),
                                "--data-dir",
                                dataRoot.toString(),
                                "--no-cache",
                                "--split",
                                "val",
                                "--out",
                                embeddings.toString()));
        for (List<String> args : commands) {
            ChildJvm.Outcome outcome =
                    ChildJvm.run(List.of("-Xmx1g"), Main.class.getName(), args, 300);
            assertEquals(Main.OK, outcome.exitCode(), args.get(0) + ": " + outcome.err());
        }
        assertTrue(Files.isRegularFile(report.resolve("metrics.csv")));
        assertTrue(EmbeddingFiles.readBinary(embeddings).windows().length > 0);
    }

    private record Run(int code, String out, String err) {}

    private Run cagekit(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataRoot.toString());
        all.add("--no-cache");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(reader)
                    .getRecords();
        }
    }
}
