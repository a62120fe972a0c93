package org.cagekit.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cagekit.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir Path dir;

    @Test
    void drawsEveryPictureAtItsSizeAndNotBlank() throws Exception {
        ReportFixture.writeRun(dir);
        RenderResult result =
                ReportRenderer.render(dir, ReportFixture.quickOptions().withTsnePoints(45));
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("split_embeddings.png", new int[] {1800, 860});
        expected.put("pca.png", new int[] {1200, 860});
        expected.put("confusion_test.png", new int[] {1100, 1000});
        expected.put("confusion_val.png", new int[] {1100, 1000});
        expected.put("training.png", new int[] {1800, 560});
        expected.put("knn_k.png", new int[] {1000, 620});
        assertEquals(
                List.copyOf(expected.keySet()),
                result.pictures().stream().map(p -> p.getFileName().toString()).toList());
        for (Map.Entry<String, int[]> picture : expected.entrySet()) {
            BufferedImage image = ReportFixture.decode(dir.resolve(picture.getKey()));
            assertEquals(picture.getValue()[0], image.getWidth(), picture.getKey());
            assertEquals(picture.getValue()[1], image.getHeight(), picture.getKey());
            double variance = ReportFixture.luminanceVariance(image);
            assertTrue(variance > 50, picture.getKey() + " looks blank: variance " + variance);
        }
        assertTrue(result.skipped().isEmpty(), result.skipped().toString());
        assertEquals(dir.resolve("index.html"), result.page());
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".tmp")));
    }

    @Test
    void coordinateTablesHoldTheStratifiedSubsample() throws Exception {
        ReportFixture.writeRun(dir);
        ReportRenderer.render(dir, ReportFixture.quickOptions().withTsnePoints(45));
        // 45 of 30 + 20 + 10 windows: quotas 23, 15, 7 (worked in StratifiedSampleTest).
        for (String name : List.of("tsne_accel.csv", "tsne_gyro.csv")) {
            CsvTable table = CsvTable.read(dir.resolve(name));
            assertEquals(List.of("window", "subject", "label", "class", "x", "y"), table.header());
            assertEquals(45, table.rowCount());
            Map<String, Integer> counts = new HashMap<>();
            for (int r = 0; r < table.rowCount(); r++) {
                counts.merge(table.cell(r, 3), 1, Integer::sum);
            }
            assertEquals(Map.of("WALKING", 23, "SITTING", 15, "LIE_TO_STAND", 7), counts);
        }
        CsvTable pca = CsvTable.read(dir.resolve("pca.csv"));
        assertEquals(60, pca.rowCount());
        assertEquals("LIE_TO_STAND", pca.cell(59, 3));
        assertEquals("59", pca.cell(59, 0));
    }

    @Test
    void missingFilesAreSkippedAndNoted() throws Exception {
        ReportFixture.writeRun(dir);
        for (String name :
                List.of("embeddings_test.csv", "history.csv", "confusion_val.csv", "model.json")) {
            Files.delete(dir.resolve(name));
        }
        RenderResult result = ReportRenderer.render(dir, ReportFixture.quickOptions());
        assertEquals(
                List.of(
                        "t-SNE and PCA maps: no embeddings_test.csv",
                        "confusion_val.png: no confusion_val.csv",
                        "training.png: no history.csv"),
                result.skipped());
        assertEquals(2, result.pictures().size());
        assertTrue(result.tables().isEmpty());
        String html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("training.png: no history.csv"));
        assertTrue(html.contains("No model.json in this folder."));
        assertFalse(html.contains("<img src=\"training.png\""));
    }

    @Test
    void malformedFilesFailNamingTheFile() throws Exception {
        ReportFixture.writeRun(dir);
        ReportFixture.write(dir.resolve("knn_k.csv"), "k,test_accuracy\n1,high\n");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ReportRenderer.render(
                                        dir, ReportFixture.quickOptions().withHtml(false)));
        assertTrue(e.getMessage().startsWith(dir.resolve("knn_k.csv") + " line 2"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ReportRenderer.render(dir.resolve("absent"), RenderOptions.defaults()));
    }

    @Test
    void reportCommandRegeneratesIdenticalTables() throws Exception {
        ReportFixture.writeRun(dir);
        ReportRenderer.render(dir, ReportFixture.quickOptions().withTsnePoints(45));
        Map<String, byte[]> first = new HashMap<>();
        for (String name : List.of("tsne_accel.csv", "tsne_gyro.csv", "pca.csv")) {
            first.put(name, Files.readAllBytes(dir.resolve(name)));
            Files.delete(dir.resolve(name));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Main.run(
                        new String[] {
                            "report",
                            "--from",
                            dir.toString(),
                            "--tsne-points",
                            "45",
                            "--tsne-iterations",
                            "250",
                            "--tsne-perplexity",
                            "10"
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(err, true));
        assertEquals(Main.OK, code, err.toString());
        for (Map.Entry<String, byte[]> table : first.entrySet()) {
            assertArrayEquals(
                    table.getValue(),
                    Files.readAllBytes(dir.resolve(table.getKey())),
                    table.getKey() + " differs after cagekit report");
        }
        assertTrue(
                out.toString().startsWith("drew 6 pictures and wrote 3 coordinate tables"),
                out.toString());
    }

    @Test
    void reportCommandNamesAMissingFolder() {
        StringWriter err = new StringWriter();
        int code =
                Main.run(
                        new String[] {"report", "--from", dir.resolve("nowhere").toString()},
                        new PrintWriter(new StringWriter(), true),
                        new PrintWriter(err, true));
        assertEquals(Main.FAILURE, code);
        assertEquals(
                "cagekit: report folder " + dir.resolve("nowhere") + " does not exist",
                err.toString().strip());
    }

    @Test
    void outOfRangeTsneOptionsAreUsageErrors() {
        // RenderOptions needs at least 250 iterations and a positive perplexity.
        for (String[] option :
                List.of(
                        new String[] {"--tsne-iterations", "10"},
                        new String[] {"--tsne-perplexity", "0"})) {
            StringWriter err = new StringWriter();
            int code =
                    Main.run(
                            new String[] {"report", "--from", dir.toString(), option[0], option[1]},
                            new PrintWriter(new StringWriter(), true),
                            new PrintWriter(err, true));
            assertEquals(Main.USAGE, code, err.toString());
        }
    }

    private static String runResult(String variant, int seed, String confusion) {
        return "{\"variant\": \""
                + variant
                + "\", \"seed\": "
                + seed
                + ", \"test\": {"
                + "\"windows\": 8, \"classIds\": [1, 2], \"confusion\": "
                + confusion
                + "}}";
    }

    @Test
    void experimentFolderSumsEachVariantsRuns() throws Exception {
        ReportFixture.write(
                dir.resolve("summary.csv"),
                "variant,seed,val_accuracy,val_weighted_f1,val_macro_f1,test_accuracy,"
                        + "test_weighted_f1,test_macro_f1,epochs,train_seconds\n"
                        + "ntxent,1,0.8,0.8,0.7,0.81,0.8,0.7,2,10\n"
                        + "ntxent,2,0.8,0.8,0.7,0.83,0.8,0.7,2,10\n"
                        + "ntxent-triplet,1,0.7,0.7,0.6,0.72,0.7,0.6,2,10\n"
                        + "random-init,1,0.3,0.3,0.2,0.3,0.2,0.1,0,0\n");
        ReportFixture.write(
                dir.resolve("runs/ntxent/seed-1.json"), runResult("ntxent", 1, "[[3, 1], [0, 4]]"));
        ReportFixture.write(
                dir.resolve("runs/ntxent/seed-2.json"), runResult("ntxent", 2, "[[4, 0], [1, 3]]"));
        ReportFixture.write(
                dir.resolve("ntxent-triplet-seed1/confusion_test.csv"),
                "true\\predicted,A,B\nA,3,1\nB,0,4\n");
        ReportFixture.write(
                dir.resolve("summary.md"),
                "# Results\n\n### ntxent\n\n| true \\ predicted | 1 | 2 |\n|---|---:|---:|\n"
                        + "| 1 WALKING | 7 | 1 |\n| 2 SITTING | 1 | 7 |\n");
        RenderResult result = ReportRenderer.renderExperiment(dir, RenderOptions.defaults());
        assertEquals(
                List.of("summary.png", "confusion_ntxent.png", "confusion_ntxent-triplet.png"),
                result.pictures().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(1, result.skipped().size());
        assertTrue(result.skipped().get(0).startsWith("confusion matrix of random-init: no"));
        BufferedImage summary = ReportFixture.decode(dir.resolve("summary.png"));
        assertEquals(SummaryFigure.WIDTH, summary.getWidth());
        assertEquals(SummaryFigure.HEIGHT, summary.getHeight());
        assertTrue(ReportFixture.luminanceVariance(summary) > 50);
        String html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        // ntxent: mean of 0.81 and 0.83 is 0.82, sample deviation sqrt(2 * 0.01^2 / 1) = 0.0141.
        assertTrue(html.contains("<strong>0.8200 \u00b1 0.0141</strong>"), html);
        assertTrue(html.contains("<h3>Results</h3>"));
        assertTrue(html.contains("href=\"ntxent-triplet-seed1/\""));
        assertTrue(html.contains("<img src=\"confusion_ntxent.png\""));
    }

    @Test
    void runResultsAreSummedWithNamesFromSummaryMarkdown() throws Exception {
        ReportFixture.write(
                dir.resolve("summary.md"),
                "| true \\ predicted | 1 | 2 |\n|---|---:|---:|\n| 1 WALKING | 7 | 1 |\n"
                        + "| 2 SITTING | 1 | 7 |\n| 3 ? | 0 | 0 |\n");
        Map<Integer, String> names =
                ReportRenderer.experimentClassNames(dir, RenderOptions.defaults());
        assertEquals(Map.of(1, "WALKING", 2, "SITTING"), names);
        assertEquals(
                Map.of(5, "X"),
                ReportRenderer.experimentClassNames(
                        dir, RenderOptions.defaults().withClassNames(Map.of(5, "X"))));
        ReportFixture.write(dir.resolve("a.json"), runResult("ntxent", 1, "[[3, 1], [0, 4]]"));
        ReportFixture.write(dir.resolve("b.json"), runResult("ntxent", 2, "[[4, 0], [1, 3]]"));
        // [[3,1],[0,4]] + [[4,0],[1,3]] = [[7,1],[1,7]]: 14 of 16 right.
        ConfusionCounts sum =
                RunConfusion.read(dir.resolve("a.json"), names)
                        .test()
                        .plus(RunConfusion.read(dir.resolve("b.json"), names).test());
        assertEquals(List.of("WALKING", "SITTING"), sum.classes());
        assertArrayEquals(new long[] {7, 1}, sum.counts()[0]);
        assertEquals(14.0 / 16, sum.accuracy(), 1e-15);
        ReportFixture.write(dir.resolve("c.json"), "{\"variant\": \"x\"}");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RunConfusion.read(dir.resolve("c.json"), names));
        assertEquals(dir.resolve("c.json") + ": no field test", e.getMessage());
    }

    @Test
    void runFoldersMatchVariantsByPathElement() {
        List<String> variants = List.of("ntxent", "ntxent-triplet", "triplet");
        assertEquals(
                Optional.of("ntxent"),
                ReportRenderer.variantOf(Path.of("ntxent/seed-3"), variants));
        assertEquals(
                Optional.of("ntxent-triplet"),
                ReportRenderer.variantOf(Path.of("ntxent-triplet_seed2"), variants));
        assertEquals(
                Optional.of("triplet"), ReportRenderer.variantOf(Path.of("x/triplet-7"), variants));
        assertEquals(Optional.empty(), ReportRenderer.variantOf(Path.of("other/seed-1"), variants));
        assertNull(ReportRenderer.variantOf(Path.of("tripletx"), variants).orElse(null));
    }
}
