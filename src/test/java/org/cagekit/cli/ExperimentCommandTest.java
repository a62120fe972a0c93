package org.cagekit.cli;

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
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cagekit.data.HaptDataset;
import org.cagekit.experiment.Presets;
import org.cagekit.experiment.RunResult;
import org.cagekit.experiment.SplitScores;
import org.cagekit.experiment.SummaryWriter;
import org.cagekit.experiment.Variant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole experiment on a tiny real subset: HAPT users 1 (train), 2 (validation) and 28 (test),
 * one epoch, one seed, every variant of the reference-study preset.
 *
 * <p>Window counts, from the row counts of the recordings and ceil((n - 128) / stride): train with
 * stride 128, exp01 20598 rows gives 160 and exp02 19286 gives 150, 310 in all; validation (user 2,
 * stride 128) exp03 18026 gives 140 and exp04 16565 gives 129, 269; test (user 28) exp56 20556
 * gives 160 and exp57 18836 gives 147, 307.
 */
class ExperimentCommandTest {
    @TempDir Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Main.run(
                        args.toArray(String[]::new),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static Path realData() {
        String env = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                env != null && new HaptDataset().isPresent(Path.of(env)),
                "CAGEKIT_DATA does not point at a folder holding uci-hapt/");
        return Path.of(env);
    }

    private List<String> command(Path data, String epochs) {
        return List.of(
                "experiment",
                "--preset",
                "reference-study",
                "--data-dir",
                data.toString(),
                "--dataset",
                "hapt",
                "--protocol",
                "hapt-13",
                "--train-users",
                "1",
                "--val-users",
                "2",
                "--test-users",
                "28",
                "--train-stride",
                "128",
                "--epochs",
                epochs,
                "--seeds",
                "1",
                "--threads",
                "2",
                "--out",
                tmp.resolve("reports").toString(),
                "--models",
                tmp.resolve("models").toString());
    }

    @Test
    void runsEveryVariantWritesAWellFormedSummaryAndSkipsOrResumesOnRerun() throws IOException {
        Path data = realData();
        List<String> args = command(data, "1");
        Run first = run(args);
        assertEquals(Main.OK, first.code(), first.err());

        List<Variant> variants = Presets.variants(Presets.REFERENCE_STUDY);
        assertEquals(9, variants.size());
        Path reports = tmp.resolve("reports");
        Path csv = reports.resolve("summary.csv");
        List<CSVRecord> rows = readCsv(csv);
        assertEquals(variants.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Variant v = variants.get(i);
            assertEquals(v.name(), row.get("variant"));
            assertEquals("1", row.get("seed"));
            assertEquals(Boolean.toString(v.supervised()), row.get("supervised"));
            assertEquals(v.trained() ? "1" : "0", row.get("epochs"));
            for (String column :
                    List.of(
                            "val_accuracy",
                            "val_weighted_f1",
                            "val_macro_f1",
                            "test_accuracy",
                            "test_weighted_f1",
                            "test_macro_f1")) {
                double value = Double.parseDouble(row.get(column));
                assertTrue(value >= 0 && value <= 1, v.name() + " " + column + " = " + value);
            }
            assertTrue(Double.parseDouble(row.get("parity_max_abs_diff")) <= 1e-5);
            assertEquals(v.trained(), Double.parseDouble(row.get("train_seconds")) > 0, v.name());

            RunResult result = result(reports, v);
            assertWindows(269, result.validation(), v.name());
            assertWindows(307, result.test(), v.name());
            // The CSV holds the result's accuracy rounded to six decimals.
            assertEquals(
                    result.test().accuracy(), Double.parseDouble(row.get("test_accuracy")), 5e-7);
        }
        assertEquals(List.of("triplet-label-aware"), supervised(rows));

        String md = Files.readString(reports.resolve("summary.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("```\ncagekit " + String.join(" ", args) + "\n```"), md);
        assertTrue(md.contains("windows train 310, val 269, test 307"), md);
        for (Variant v : variants) {
            String label = v.name() + (v.supervised() ? " (supervised)" : "");
            assertTrue(md.contains("\n| " + label + " | 1 |"), "table row of " + v.name());
            assertTrue(md.contains("\n### " + v.name() + "\n"), "confusion matrix of " + v.name());
        }
        // Five score columns are shown, each with its best value marked once.
        assertEquals(5, count(md, "**") / 2 - count(md, "**met**") - count(md, "**not met**"));
        assertTrue(md.contains("## Quality goals"), md);
        assertTrue(md.contains("Every trained label-free variant beats random-init"), md);
        assertTrue(md.contains("at least 82 % test accuracy and 0.80 test weighted F1"), md);
        assertTrue(md.contains("| default loss | 51.24 % | 0.5090 |"), md);
        assertTrue(md.contains("| hard negative | 44.09 % | 0.4262 |"), md);
        assertTrue(md.contains("| semi-hard negative | never run | never run |"), md);
        assertTrue(md.contains("another dataset (mHealth"), md);
        assertTrue(md.contains("- processor: "), md);

        // A rerun reuses every result: nothing is rewritten, the summary is the same.
        Map<String, FileTime> stamps = new TreeMap<>();
        for (Variant v : variants) {
            stamps.put(v.name(), Files.getLastModifiedTime(resultFile(reports, v)));
        }
        String csvBefore = Files.readString(csv, StandardCharsets.UTF_8);
        Run again = run(args);
        assertEquals(Main.OK, again.code(), again.err());
        for (Variant v : variants) {
            assertEquals(stamps.get(v.name()), Files.getLastModifiedTime(resultFile(reports, v)));
        }
        assertEquals(csvBefore, Files.readString(csv, StandardCharsets.UTF_8));

        // A run without its result but with its checkpoint resumes instead of starting over:
        // the checkpoint is at the last epoch, so no epoch is added and the scores come back.
        Variant hard = variants.get(5);
        assertEquals("triplet-hard", hard.name());
        RunResult before = result(reports, hard);
        Path modelDir = tmp.resolve("models").resolve(hard.name()).resolve("seed-1");
        Files.delete(resultFile(reports, hard));
        Files.delete(modelDir.resolve("encoder.onnx"));
        Run resumed = run(args);
        assertEquals(Main.OK, resumed.code(), resumed.err());
        RunResult after = result(reports, hard);
        assertEquals(before.test(), after.test());
        assertEquals(before.validation(), after.validation());
        assertEquals(2, Files.readAllLines(modelDir.resolve("history.csv")).size());
        assertEquals(csvBefore, Files.readString(csv, StandardCharsets.UTF_8));

        // Other settings never mix with the finished results.
        Run other = run(command(data, "2"));
        assertEquals(Main.FAILURE, other.code());
        assertTrue(other.err().contains("holds a run with other settings"), other.err());
        assertTrue(other.err().contains("epochs was 1, now 2"), other.err());
    }

    @Test
    void unknownVariantIsAUsageErrorListingThePresetsVariants() {
        Run r = run(List.of("experiment", "--variants", "triplet-soft", "--out", tmp.toString()));
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("unknown variant 'triplet-soft'"), r.err());
        assertTrue(r.err().contains("triplet-semi-hard"), r.err());
        assertFalse(Files.exists(tmp.resolve("summary.csv")));
    }

    private static void assertWindows(int windows, SplitScores scores, String what) {
        assertEquals(windows, scores.windows(), what);
        long total = 0;
        long trace = 0;
        for (int t = 0; t < scores.confusion().length; t++) {
            for (int p = 0; p < scores.confusion().length; p++) {
                total += scores.confusion()[t][p];
            }
            trace += scores.confusion()[t][t];
        }
        assertEquals(windows, total, what);
        assertEquals((double) trace / windows, scores.accuracy(), 1e-12, what);
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, scores.classIds(), what);
    }

    private static Path resultFile(Path reports, Variant v) {
        return reports.resolve("runs").resolve(v.name()).resolve("seed-1.json");
    }

    private static RunResult result(Path reports, Variant v) {
        return RunResult.read(resultFile(reports, v));
    }

    private static List<String> supervised(List<CSVRecord> rows) {
        List<String> names = new ArrayList<>();
        for (CSVRecord r : rows) {
            if (Boolean.parseBoolean(r.get("supervised"))) {
                names.add(r.get("variant"));
            }
        }
        return names;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser =
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .build()
                                .parse(reader)) {
            assertEquals(SummaryWriter.CSV_HEADER, parser.getHeaderNames());
            return parser.getRecords();
        }
    }
}
