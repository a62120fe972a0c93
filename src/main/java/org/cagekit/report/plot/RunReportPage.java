package org.cagekit.report.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cagekit.BuildInfo;
import org.cagekit.data.ModelCard;
import org.cagekit.report.html.HtmlDocument;
import org.cagekit.report.html.HtmlTable;

/**
 * The {@code index.html} of a run's report folder: metrics, per-class scores, the pictures, the KNN
 * and distance tables, the model's metadata from {@code model.json}, the command line from {@code
 * command.txt}, the folder's files, and a list of what could not be drawn. A part whose file is
 * absent says so in place.
 */
final class RunReportPage {
    private static final Map<String, String> ALT =
            Map.of(
                    "split_embeddings.png",
                            "t-SNE maps of the accelerometer and gyroscope embeddings",
                    "pca.png", "PCA map of the concatenated embedding",
                    "confusion_test.png", "Test confusion matrix",
                    "confusion_val.png", "Validation confusion matrix",
                    "training.png", "Training curves",
                    "knn_k.png", "KNN accuracy against k");

    private RunReportPage() {}

    static String build(
            Path dir,
            Optional<ModelCard> card,
            Map<String, String> captions,
            List<String> skipped) {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        HtmlDocument page = new HtmlDocument("cagekit report: " + name);
        page.header(
                "cagekit report: " + name,
                card.map(RunReportPage::describe).orElse("no model.json in this folder"));

        page.section("metrics", "Metrics");
        metricsTable(page, dir);
        if (Files.isRegularFile(dir.resolve("evaluation.csv"))) {
            csvTable(page, dir, "evaluation.csv", "Evaluation settings");
        }
        page.section("per-class", "Per-class scores");
        csvTable(page, dir, "per_class_test.csv", "Test split");
        csvTable(page, dir, "per_class_val.csv", "Validation split");

        page.section("embeddings", "Embedding maps");
        picture(page, dir, "split_embeddings.png", captions);
        picture(page, dir, "pca.png", captions);
        page.section("confusion", "Confusion matrices");
        page.beginGrid();
        picture(page, dir, "confusion_test.png", captions);
        picture(page, dir, "confusion_val.png", captions);
        page.endGrid();
        page.section("training", "Training");
        picture(page, dir, "training.png", captions);
        page.section("knn", "Neighbours");
        picture(page, dir, "knn_k.png", captions);
        csvTable(page, dir, "knn_k.csv", "Accuracy against k");
        csvTable(
                page,
                dir,
                "embedding_distances.csv",
                "Cosine distances within and between" + " classes");

        page.section("model", "Model");
        if (card.isPresent()) {
            page.table(cardTable(card.get()));
            page.collapsed("model.json", read(dir.resolve("model.json")));
        } else {
            page.missing("No model.json in this folder.");
        }
        page.section("command", "Command line");
        Path command = dir.resolve("command.txt");
        if (Files.isRegularFile(command)) {
            page.preformatted(read(command).strip());
        } else {
            page.missing("No command.txt in this folder.");
        }

        page.section("files", "Files");
        List<String> files = files(dir);
        page.links(files, files);
        if (!skipped.isEmpty()) {
            page.section("not-drawn", "Not drawn");
            page.list(skipped);
        }
        page.footer(
                "Written by cagekit "
                        + BuildInfo.version()
                        + " (revision "
                        + BuildInfo.revision()
                        + ") from the CSV files of this folder; redraw with"
                        + " cagekit report --from "
                        + name);
        return page.toHtml();
    }

    static String describe(ModelCard card) {
        StringBuilder text = new StringBuilder();
        text.append(card.dataset).append(", protocol ").append(card.protocol);
        if (!card.architecture.isEmpty() && card.architecture.get("embeddingDim") != null) {
            text.append(", ")
                    .append(card.architecture.get("embeddingDim"))
                    .append("-d embeddings per modality");
        }
        if (!card.loss.isEmpty() && card.loss.get("loss") != null) {
            text.append(", loss ").append(card.loss.get("loss"));
        }
        if (card.epochs > 0) {
            text.append(", ").append(card.epochs).append(card.epochs == 1 ? " epoch" : " epochs");
        }
        text.append(", ").append(card.classNames.size()).append(" classes");
        return text.toString();
    }

    static HtmlTable cardTable(ModelCard card) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("dataset", String.valueOf(card.dataset)));
        rows.add(List.of("protocol", String.valueOf(card.protocol)));
        card.protocolParameters.forEach((k, v) -> rows.add(List.of("protocol " + k, v)));
        rows.add(List.of("sampling rate (Hz)", trim(card.samplingRateHz)));
        rows.add(List.of("window length (samples)", Integer.toString(card.windowLength)));
        rows.add(List.of("accelerometer channels", String.join(", ", card.accelChannels)));
        rows.add(List.of("gyroscope channels", String.join(", ", card.gyroChannels)));
        card.architecture.forEach((k, v) -> rows.add(List.of("architecture " + k, v.toString())));
        card.loss.forEach((k, v) -> rows.add(List.of("loss " + k, v)));
        rows.add(List.of("seed", Long.toString(card.seed)));
        rows.add(List.of("epochs", Integer.toString(card.epochs)));
        List<String> classes = new ArrayList<>();
        card.classNames.forEach((id, n) -> classes.add(id + " " + n));
        rows.add(List.of("classes", String.join(", ", classes)));
        rows.add(List.of("cagekit version", String.valueOf(card.cagekitVersion)));
        rows.add(List.of("source revision", String.valueOf(card.sourceRevision)));
        return new HtmlTable(null, List.of("field", "value"), rows);
    }

    /**
     * Adds {@code metrics.csv}. The evaluator's long layout ({@code split, metric, value}) is
     * turned into one row per metric and one column per split, validation first; any other layout
     * is shown as it is.
     */
    static void metricsTable(HtmlDocument page, Path dir) {
        Path path = dir.resolve("metrics.csv");
        if (!Files.isRegularFile(path)) {
            page.missing("No metrics.csv in this folder.");
            return;
        }
        CsvTable csv = CsvTable.read(path);
        List<String> normalised = csv.header().stream().map(CsvTable::normalise).toList();
        if (!normalised.equals(List.of("split", "metric", "value"))) {
            csvTable(page, dir, "metrics.csv", null);
            return;
        }
        Map<String, Map<String, String>> bySplit =
                new java.util.TreeMap<>(
                        java.util.Comparator.comparing((String split) -> !split.equals("val"))
                                .thenComparing(java.util.Comparator.naturalOrder()));
        List<String> metrics = new ArrayList<>();
        for (int r = 0; r < csv.rowCount(); r++) {
            String metric = csv.cell(r, 1);
            if (!metrics.contains(metric)) {
                metrics.add(metric);
            }
            bySplit.computeIfAbsent(csv.cell(r, 0), k -> new java.util.HashMap<>())
                    .put(metric, csv.cell(r, 2));
        }
        List<String> header = new ArrayList<>(List.of("metric"));
        for (String split : bySplit.keySet()) {
            header.add(split.equals("val") ? "validation" : split);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String metric : metrics) {
            List<String> row = new ArrayList<>(List.of(metric));
            for (Map<String, String> values : bySplit.values()) {
                row.add(values.getOrDefault(metric, ""));
            }
            rows.add(row);
        }
        page.table(new HtmlTable("metrics.csv", header, rows));
    }

    /** Adds a CSV file as a table, or a note that it is absent. */
    static void csvTable(HtmlDocument page, Path dir, String file, String caption) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            page.missing("No " + file + " in this folder.");
            return;
        }
        CsvTable csv = CsvTable.read(path);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < csv.rowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < csv.header().size(); c++) {
                row.add(csv.cell(r, c));
            }
            rows.add(row);
        }
        page.table(
                new HtmlTable(
                        caption == null ? file : caption + " (" + file + ")", csv.header(), rows));
    }

    /** Adds a picture drawn in this run, or a note that it was not drawn. */
    static void picture(HtmlDocument page, Path dir, String file, Map<String, String> captions) {
        String caption = captions.get(file);
        if (caption == null) {
            page.missing(file + " was not drawn (see Not drawn below).");
            return;
        }
        int[] size = size(file);
        page.figure(file, ALT.getOrDefault(file, file), caption, size[0], size[1]);
    }

    static int[] size(String file) {
        if (file.equals("split_embeddings.png")) {
            return new int[] {EmbeddingFigure.SPLIT_WIDTH, EmbeddingFigure.SPLIT_HEIGHT};
        } else if (file.equals("pca.png")) {
            return new int[] {EmbeddingFigure.PCA_WIDTH, EmbeddingFigure.PCA_HEIGHT};
        } else if (file.startsWith("confusion")) {
            return new int[] {ConfusionHeatmap.WIDTH, ConfusionHeatmap.HEIGHT};
        } else if (file.equals("training.png")) {
            return new int[] {TrainingFigure.WIDTH, TrainingFigure.HEIGHT};
        } else if (file.equals("knn_k.png")) {
            return new int[] {KnnFigure.WIDTH, KnnFigure.HEIGHT};
        } else if (file.equals("summary.png")) {
            return new int[] {SummaryFigure.WIDTH, SummaryFigure.HEIGHT};
        }
        throw new IllegalArgumentException("no known size for " + file);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static List<String> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".tmp") && !n.equals("index.html"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
