package org.cagekit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cagekit.cli.Main;
import org.cagekit.report.plot.ReportFixture;
import org.cagekit.report.plot.ReportRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a rendered report page in headless Chromium from disk and checks what a reader would see:
 * every picture decoded at its natural size, and the tables present. The page itself has no script;
 * the test loads a copy beside it with a few lines added that record each image's naturalWidth once
 * the page has loaded, and reads them back from Chromium's DOM dump. Name resolution is mapped to
 * nowhere, so the page passes only if it needs no network.
 */
class ReportPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String PROBE =
            "<script>window.addEventListener('load',()=>{for(const i of document.images)"
                    + "{i.setAttribute('data-natural-width',i.naturalWidth);}"
                    + "document.body.setAttribute('data-probed','yes');});</script></body>";

    @TempDir Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void everyImageLoadsAndTheTablesArePresent() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "Chromium is not installed at " + CHROMIUM + "; the browser check is skipped");
        Path report = dir.resolve("report");
        ReportFixture.writeRun(report);
        ReportRenderer.render(report, ReportFixture.quickOptions());
        String page = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertFalse(page.contains("<script"), "the page must work without script");
        Files.writeString(report.resolve("probe.html"), page.replace("</body>", PROBE));

        String dom = dumpDom(report.resolve("probe.html"), dir.resolve("profile"));
        assertTrue(dom.contains("data-probed=\"yes\""), "the load event never ran:\n" + dom);
        Matcher img =
                Pattern.compile(
                                "<img src=\"([^\"]+)\"[^>]*width=\"(\\d+)\"[^>]*"
                                        + "data-natural-width=\"(\\d+)\"")
                        .matcher(dom);
        List<String> loaded = new ArrayList<>();
        while (img.find()) {
            assertEquals(img.group(2), img.group(3), img.group(1) + " did not load");
            loaded.add(img.group(1));
        }
        assertEquals(
                List.of(
                        "split_embeddings.png",
                        "pca.png",
                        "confusion_test.png",
                        "confusion_val.png",
                        "training.png",
                        "knn_k.png"),
                loaded);
        // metrics, evaluation settings, per-class test and validation, knn_k, distances, model.
        assertEquals(7, dom.split("<table>", -1).length - 1);
        // metrics.csv in the long layout becomes one row per metric, validation before test.
        assertTrue(dom.contains("<tr><th>metric</th><th>validation</th><th>test</th></tr>"), dom);
        assertTrue(
                dom.contains(
                        "<tr><td>accuracy</td><td class=\"num\">0.7833</td>"
                                + "<td class=\"num\">0.8167</td></tr>"),
                dom);
        assertTrue(dom.contains("<caption>metrics.csv</caption>"));
        assertTrue(dom.contains("<caption>Test split (per_class_test.csv)</caption>"));
        assertTrue(dom.contains("<td>LIE_TO_STAND</td>"));
        assertTrue(dom.contains("cagekit pipeline --dataset hapt --epochs 3 &lt;&amp;&gt;"));
    }

    @Test
    void experimentPageShowsItsPictures() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "Chromium is not installed at " + CHROMIUM + "; the browser check is skipped");
        Path experiment = dir.resolve("hapt-13");
        ReportFixture.write(
                experiment.resolve("summary.csv"),
                "variant,seed,val_accuracy,test_accuracy,test_weighted_f1,test_macro_f1\n"
                        + "random-init,1,0.3,0.31,0.2,0.1\nntxent,1,0.8,0.82,0.8,0.7\n");
        ReportFixture.write(
                experiment.resolve("runs/ntxent/seed-1.json"),
                "{\"variant\":\"ntxent\",\"test\":{\"classIds\":[1,2],"
                        + "\"confusion\":[[3,1],[0,4]]}}");
        ReportFixture.write(experiment.resolve("summary.md"), "# hapt-13\n\nTwo variants.\n");
        StringWriter err = new StringWriter();
        int code =
                Main.run(
                        new String[] {"report", "--from", experiment.toString()},
                        new PrintWriter(new StringWriter(), true),
                        new PrintWriter(err, true));
        assertEquals(Main.OK, code, err.toString());
        // random-init has no run result: its matrix is listed as not drawn, on stderr too.
        assertTrue(
                err.toString().startsWith("cagekit: not drawn: confusion matrix of random-init"));
        String page = Files.readString(experiment.resolve("index.html"), StandardCharsets.UTF_8);
        Files.writeString(experiment.resolve("probe.html"), page.replace("</body>", PROBE));

        String dom = dumpDom(experiment.resolve("probe.html"), dir.resolve("profile"));
        Matcher img =
                Pattern.compile(
                                "<img src=\"([^\"]+)\"[^>]*width=\"(\\d+)\"[^>]*"
                                        + "data-natural-width=\"(\\d+)\"")
                        .matcher(dom);
        List<String> loaded = new ArrayList<>();
        while (img.find()) {
            assertEquals(img.group(2), img.group(3), img.group(1) + " did not load");
            loaded.add(img.group(1));
        }
        assertEquals(List.of("summary.png", "confusion_ntxent.png"), loaded);
        assertTrue(dom.contains("<h3>hapt-13</h3>"));
        // One seed: the mean alone, and the best test accuracy of the two variants in bold.
        assertTrue(dom.contains("<td class=\"num\"><strong>0.8200</strong></td>"), dom);
    }

    private static String dumpDom(Path page, Path profile)
            throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Path out = profile.resolve("dom.html");
        Process chromium =
                new ProcessBuilder(
                                CHROMIUM.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--host-resolver-rules=MAP * ~NOTFOUND",
                                "--user-data-dir=" + profile,
                                "--dump-dom",
                                page.toUri().toString())
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s");
        }
        assertEquals(0, chromium.exitValue(), "Chromium's exit status");
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
