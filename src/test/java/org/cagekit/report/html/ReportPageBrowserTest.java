package org.cagekit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
