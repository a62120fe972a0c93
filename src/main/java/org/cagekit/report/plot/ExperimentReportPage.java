package org.cagekit.report.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cagekit.BuildInfo;
import org.cagekit.report.html.HtmlDocument;
import org.cagekit.report.html.HtmlTable;

/**
 * The {@code index.html} of an experiment folder: the per-variant table (mean and sample standard
 * deviation over seeds, the best mean of each column in bold), {@code summary.png}, {@code
 * summary.md} converted to HTML, the per-variant confusion matrices, and links to the run folders'
 * own pages.
 */
final class ExperimentReportPage {
    private ExperimentReportPage() {}

    static String build(
            Path dir,
            ExperimentSummary summary,
            Map<String, String> confusionPictures,
            Map<String, List<Path>> runsByVariant,
            List<String> skipped) {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        HtmlDocument page = new HtmlDocument("cagekit experiment: " + name);
        page.header("cagekit experiment: " + name, summary.variants().size() + " variants");

        page.section("summary", "Scores per variant");
        page.table(table(summary));
        page.figure(
                "summary.png",
                "Scores per variant",
                "Mean test accuracy and F1 of each"
                        + " variant over its seeds; whiskers are one sample standard deviation.",
                SummaryFigure.WIDTH,
                SummaryFigure.HEIGHT);
        Path markdown = dir.resolve("summary.md");
        page.section("notes", "summary.md");
        if (Files.isRegularFile(markdown)) {
            page.markdown(RunReportPage.read(markdown));
        } else {
            page.missing("No summary.md in this folder.");
        }

        page.section("confusion", "Confusion matrices");
        page.beginGrid();
        for (ExperimentSummary.Variant v : summary.variants()) {
            String picture = confusionPictures.get(v.name());
            if (picture == null) {
                page.missing(
                        v.name()
                                + ": no confusion matrix (no run folder with a"
                                + " confusion_test.csv).");
            } else {
                page.figure(
                        picture,
                        v.name() + " confusion matrix",
                        v.name() + ": test" + " confusion matrix summed over its runs",
                        ConfusionHeatmap.WIDTH,
                        ConfusionHeatmap.HEIGHT);
            }
        }
        page.endGrid();

        page.section("runs", "Runs");
        List<String> hrefs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        runsByVariant.forEach(
                (variant, runs) -> {
                    for (Path run : runs) {
                        String relative = dir.relativize(run).toString().replace('\\', '/');
                        boolean hasPage = Files.isRegularFile(run.resolve("index.html"));
                        hrefs.add(relative + (hasPage ? "/index.html" : "/"));
                        texts.add(
                                variant + ": " + relative + (hasPage ? "" : " (folder; no page)"));
                    }
                });
        if (hrefs.isEmpty()) {
            page.missing("No run folders below this folder.");
        } else {
            page.links(hrefs, texts);
        }
        Path command = dir.resolve("command.txt");
        if (Files.isRegularFile(command)) {
            page.section("command", "Command line");
            page.preformatted(RunReportPage.read(command).strip());
        }
        if (!skipped.isEmpty()) {
            page.section("not-drawn", "Not drawn");
            page.list(skipped);
        }
        page.footer(
                "Written by cagekit "
                        + BuildInfo.version()
                        + " (revision "
                        + BuildInfo.revision()
                        + ") from summary.csv and the run folders; redraw with"
                        + " cagekit report --from "
                        + name);
        return page.toHtml();
    }

    static HtmlTable table(ExperimentSummary summary) {
        List<String> header = new ArrayList<>(List.of("variant", "seeds"));
        header.addAll(summary.scores());
        int columns = summary.scores().size();
        double[] best = new double[columns];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (ExperimentSummary.Variant v : summary.variants()) {
            for (int s = 0; s < columns; s++) {
                if (!Double.isNaN(v.mean()[s])) {
                    best[s] = Math.max(best[s], v.mean()[s]);
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        boolean[][] strong = new boolean[summary.variants().size()][header.size()];
        for (int r = 0; r < summary.variants().size(); r++) {
            ExperimentSummary.Variant v = summary.variants().get(r);
            List<String> row = new ArrayList<>(List.of(v.name(), Integer.toString(v.seeds())));
            for (int s = 0; s < columns; s++) {
                double mean = v.mean()[s];
                row.add(
                        Double.isNaN(mean)
                                ? ""
                                : v.seeds() > 1
                                        ? String.format(
                                                Locale.ROOT, "%.4f \u00b1 %.4f", mean, v.std()[s])
                                        : String.format(Locale.ROOT, "%.4f", mean));
                strong[r][s + 2] = !Double.isNaN(mean) && mean == best[s];
            }
            rows.add(row);
        }
        return new HtmlTable(
                "Mean \u00b1 sample standard deviation over seeds (summary.csv);"
                        + " the best mean of each column in bold",
                header,
                rows,
                strong);
    }
}
