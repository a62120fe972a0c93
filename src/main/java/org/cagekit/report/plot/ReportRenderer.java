package org.cagekit.report.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cagekit.data.ModelCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the pictures of a report folder from its CSV files alone, and its {@code index.html}.
 *
 * <p><b>A run's report folder</b> ({@link #render}): each picture is drawn when its source file is
 * present and noted as not drawn otherwise.
 *
 * <table>
 *   <caption>Pictures of a run</caption>
 *   <tr><th>source</th><th>written</th></tr>
 *   <tr><td>{@code embeddings_test.csv}</td><td>{@code split_embeddings.png} (t-SNE of the
 *       accelerometer and gyroscope embeddings side by side), {@code tsne_accel.csv}, {@code
 *       tsne_gyro.csv}; {@code pca.png} and {@code pca.csv} (PCA of the concatenated
 *       embedding, every window)</td></tr>
 *   <tr><td>{@code confusion_test.csv}, {@code confusion_val.csv}</td><td>{@code
 *       confusion_test.png}, {@code confusion_val.png}</td></tr>
 *   <tr><td>{@code history.csv}</td><td>{@code training.png}</td></tr>
 *   <tr><td>{@code knn_k.csv}</td><td>{@code knn_k.png}</td></tr>
 * </table>
 *
 * <p>Class names come from {@code model.json} when the folder has one. Both t-SNE maps are made of
 * the same windows: all of them up to {@link RenderOptions#tsnePoints()}, above it a
 * class-stratified seeded subsample ({@link StratifiedSample}). The coordinate files are the same
 * bytes for the same input and options on the same machine.
 *
 * <p><b>An experiment folder</b> ({@link #renderExperiment}): {@code summary.csv} gives {@code
 * summary.png}; every run folder below it that holds a {@code confusion_test.csv} is matched to a
 * variant of the summary by a path element that is the variant's name (or the name followed by
 * {@code -} or {@code _} and a seed), and the test confusion matrices of a variant's seeds are
 * summed into {@code confusion_VARIANT.png}. The page shows the summary table, {@code summary.md},
 * the pictures and links to the runs' own pages. Run folders are not redrawn.
 *
 * <p>A source file that is present but malformed is an error (IllegalArgumentException naming the
 * file and line), not a silent skip. The library logs at debug only.
 */
public final class ReportRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ReportRenderer.class);

    /** The embeddings drawn in the maps. */
    public static final String EMBEDDINGS = "embeddings_test.csv";

    private ReportRenderer() {}

    /**
     * Draws every picture the report folder's CSV files allow, writes the coordinate tables and,
     * unless switched off, {@code index.html}.
     *
     * @param reportDir a run's report folder
     * @param options t-SNE settings and whether to write the page
     * @throws IllegalArgumentException when the folder does not exist or a file is malformed
     */
    public static RenderResult render(Path reportDir, RenderOptions options) {
        requireDirectory(reportDir);
        Optional<ModelCard> card = modelCard(reportDir);
        Map<Integer, String> classNames =
                card.<Map<Integer, String>>map(c -> c.classNames).orElse(options.classNames());
        String context = card.map(c -> c.dataset + " / " + c.protocol + ": ").orElse("");
        List<Path> pictures = new ArrayList<>();
        List<Path> tables = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> captions = new LinkedHashMap<>();

        Path embeddings = reportDir.resolve(EMBEDDINGS);
        if (Files.isRegularFile(embeddings)) {
            drawMaps(
                    reportDir,
                    embeddings,
                    classNames,
                    context,
                    options,
                    pictures,
                    tables,
                    captions);
        } else {
            skipped.add("t-SNE and PCA maps: no " + EMBEDDINGS);
        }
        for (String split : List.of("test", "val")) {
            Path source = reportDir.resolve("confusion_" + split + ".csv");
            String picture = "confusion_" + split + ".png";
            if (Files.isRegularFile(source)) {
                ConfusionCounts counts = ConfusionCounts.read(source, classNames);
                String name = split.equals("val") ? "validation" : "test";
                write(
                        reportDir.resolve(picture),
                        ConfusionHeatmap.draw(
                                counts, context + "confusion matrix, " + name + " split"),
                        pictures);
                captions.put(
                        picture,
                        "Confusion matrix of the "
                                + name
                                + " split: rows are true classes, columns predicted classes; each"
                                + " cell shows its count and its share of the row, and is shaded by"
                                + " that share.");
            } else {
                skipped.add(picture + ": no " + source.getFileName());
            }
        }
        Path history = reportDir.resolve("history.csv");
        if (Files.isRegularFile(history)) {
            write(
                    reportDir.resolve("training.png"),
                    TrainingFigure.draw(TrainingHistory.read(history), context + "training curves"),
                    pictures);
            captions.put(
                    "training.png",
                    "Per epoch: loss, cross-modal top-1 retrieval accuracy (an accelerometer"
                            + " embedding finds its own window's gyroscope embedding first) and the"
                            + " temperature, from history.csv.");
        } else {
            skipped.add("training.png: no history.csv");
        }
        Path knn = reportDir.resolve("knn_k.csv");
        if (Files.isRegularFile(knn)) {
            write(
                    reportDir.resolve("knn_k.png"),
                    KnnFigure.draw(KnnCurve.read(knn), context + "KNN accuracy against k"),
                    pictures);
            captions.put(
                    "knn_k.png",
                    "KNN accuracy on the validation and test splits for each"
                            + " number of neighbours k, from knn_k.csv.");
        } else {
            skipped.add("knn_k.png: no knn_k.csv");
        }

        Path page = null;
        if (options.html()) {
            page = reportDir.resolve("index.html");
            OutputFile.writeString(page, RunReportPage.build(reportDir, card, captions, skipped));
        }
        RenderResult result = new RenderResult(reportDir, pictures, tables, skipped, page);
        LOG.debug("{}", result.summary());
        return result;
    }

    /**
     * Draws an experiment's pictures and page.
     *
     * @param experimentDir the folder holding {@code summary.csv}
     * @param options whether to write the page (the t-SNE settings are not used here)
     * @throws IllegalArgumentException when the folder or its {@code summary.csv} is missing or a
     *     file is malformed
     */
    public static RenderResult renderExperiment(Path experimentDir, RenderOptions options) {
        requireDirectory(experimentDir);
        Path summaryFile = experimentDir.resolve("summary.csv");
        if (!Files.isRegularFile(summaryFile)) {
            throw new IllegalArgumentException(
                    experimentDir + " is not an experiment folder: it has no summary.csv");
        }
        ExperimentSummary summary = ExperimentSummary.read(summaryFile);
        String name = experimentDir.toAbsolutePath().normalize().getFileName().toString();
        List<Path> pictures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        write(
                experimentDir.resolve("summary.png"),
                SummaryFigure.draw(summary, name + ": scores per variant"),
                pictures);

        Map<Integer, String> classNames = experimentClassNames(experimentDir, options);
        Map<String, List<Path>> runsByVariant = new LinkedHashMap<>();
        Map<String, ConfusionCounts> confusionByVariant = new LinkedHashMap<>();
        Map<String, Integer> runCount = new LinkedHashMap<>();
        for (ExperimentSummary.Variant v : summary.variants()) {
            runsByVariant.put(v.name(), new ArrayList<>());
        }
        for (Path file : runResultFiles(experimentDir)) {
            RunConfusion run = RunConfusion.read(file, classNames);
            if (runsByVariant.containsKey(run.variant())) {
                confusionByVariant.merge(run.variant(), run.test(), ConfusionCounts::plus);
                runCount.merge(run.variant(), 1, Integer::sum);
            }
        }
        java.util.Set<String> fromResults = new java.util.HashSet<>(runCount.keySet());
        for (Path run : runFolders(experimentDir)) {
            Optional<String> variant =
                    variantOf(experimentDir.relativize(run), runsByVariant.keySet());
            if (variant.isEmpty()) {
                continue;
            }
            runsByVariant.get(variant.get()).add(run);
            if (fromResults.contains(variant.get())) {
                // The run result files already counted this variant's runs.
                continue;
            }
            Map<Integer, String> names =
                    modelCard(run).<Map<Integer, String>>map(c -> c.classNames).orElse(classNames);
            ConfusionCounts counts = ConfusionCounts.read(run.resolve("confusion_test.csv"), names);
            confusionByVariant.merge(variant.get(), counts, ConfusionCounts::plus);
            runCount.merge(variant.get(), 1, Integer::sum);
        }
        Map<String, String> confusionPictures = new LinkedHashMap<>();
        for (String variant : runsByVariant.keySet()) {
            ConfusionCounts sum = confusionByVariant.get(variant);
            if (sum == null) {
                skipped.add(
                        "confusion matrix of "
                                + variant
                                + ": no finished run (no"
                                + " runs/VARIANT/seed-S.json and no run folder with a"
                                + " confusion_test.csv)");
                continue;
            }
            String picture = "confusion_" + fileSafe(variant) + ".png";
            int runs = runCount.get(variant);
            write(
                    experimentDir.resolve(picture),
                    ConfusionHeatmap.draw(
                            sum,
                            variant
                                    + ": test confusion matrix, "
                                    + runs
                                    + (runs == 1 ? " run" : " runs summed")),
                    pictures);
            confusionPictures.put(variant, picture);
        }

        Path page = null;
        if (options.html()) {
            page = experimentDir.resolve("index.html");
            OutputFile.writeString(
                    page,
                    ExperimentReportPage.build(
                            experimentDir, summary, confusionPictures, runsByVariant, skipped));
        }
        RenderResult result = new RenderResult(experimentDir, pictures, List.of(), skipped, page);
        LOG.debug("{}", result.summary());
        return result;
    }

    /**
     * Class names for an experiment folder: those given in the options, else a {@code model.json}
     * in the folder, else the first {@code model.json} under the matching models folder ({@code
     * reports/NAME} and {@code models/NAME} side by side, as the pipeline and the experiment lay
     * them out), else the row labels of the confusion tables in {@code summary.md} ({@code | 3
     * WALKING_DOWNSTAIRS |}); empty when none is found.
     */
    static Map<Integer, String> experimentClassNames(Path experimentDir, RenderOptions options) {
        if (!options.classNames().isEmpty()) {
            return options.classNames();
        }
        Optional<ModelCard> own = modelCard(experimentDir);
        if (own.isPresent()) {
            return own.get().classNames;
        }
        Path absolute = experimentDir.toAbsolutePath().normalize();
        Path reportsRoot = absolute.getParent();
        if (reportsRoot != null && reportsRoot.getParent() != null) {
            Path models = reportsRoot.resolveSibling("models").resolve(absolute.getFileName());
            if (Files.isDirectory(models)) {
                try (Stream<Path> walk = Files.walk(models, 4)) {
                    Optional<Path> card =
                            walk.filter(p -> p.getFileName().toString().equals("model.json"))
                                    .sorted()
                                    .findFirst();
                    if (card.isPresent()) {
                        return ModelCard.read(card.get()).classNames;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot list " + models + ": " + e.getMessage(), e);
                }
            }
        }
        Path markdown = experimentDir.resolve("summary.md");
        SortedMap<Integer, String> names = new TreeMap<>();
        if (Files.isRegularFile(markdown)) {
            java.util.regex.Pattern row =
                    java.util.regex.Pattern.compile("^\\|\\s*(\\d+) ([^|]*?)\\s*\\|.*");
            for (String line : RunReportPage.read(markdown).lines().toList()) {
                java.util.regex.Matcher m = row.matcher(line);
                if (m.matches() && !m.group(2).isBlank() && !m.group(2).equals("?")) {
                    names.putIfAbsent(Integer.parseInt(m.group(1)), m.group(2));
                }
            }
        }
        return names;
    }

    /** The run result files {@code runs/VARIANT/seed-S.json} of an experiment folder. */
    static List<Path> runResultFiles(Path experimentDir) {
        Path runs = experimentDir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(runs, 2)) {
            return walk.filter(p -> p.getFileName().toString().matches("seed-.*\\.json"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runs + ": " + e.getMessage(), e);
        }
    }

    /** Whether a folder is an experiment folder (it has a {@code summary.csv}). */
    public static boolean isExperiment(Path dir) {
        return Files.isRegularFile(dir.resolve("summary.csv"));
    }

    private static void drawMaps(
            Path reportDir,
            Path embeddings,
            Map<Integer, String> classNames,
            String context,
            RenderOptions options,
            List<Path> pictures,
            List<Path> tables,
            Map<String, String> captions) {
        EmbeddingTable table = EmbeddingTable.read(embeddings, classNames);
        if (table.size() < EmbeddingProjection.MIN_TSNE_POINTS) {
            throw new IllegalArgumentException(
                    embeddings
                            + ": "
                            + table.size()
                            + " windows, too few for a map (at least "
                            + EmbeddingProjection.MIN_TSNE_POINTS
                            + ")");
        }
        int[] rows = StratifiedSample.indices(table.labels(), options.tsnePoints(), options.seed());
        double[][] accel = new double[rows.length][];
        double[][] gyro = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            accel[i] = table.accel()[rows[i]];
            gyro[i] = table.gyro()[rows[i]];
        }
        LOG.debug("t-SNE of {} of {} windows", rows.length, table.size());
        MapCoordinates accelMap =
                EmbeddingProjection.tsne(
                        accel,
                        rows,
                        options.seed(),
                        options.tsnePerplexity(),
                        options.tsneIterations(),
                        options.tsneLearningRate());
        MapCoordinates gyroMap =
                EmbeddingProjection.tsne(
                        gyro,
                        rows,
                        options.seed(),
                        options.tsnePerplexity(),
                        options.tsneIterations(),
                        options.tsneLearningRate());
        accelMap.write(reportDir.resolve("tsne_accel.csv"), table);
        gyroMap.write(reportDir.resolve("tsne_gyro.csv"), table);
        tables.add(reportDir.resolve("tsne_accel.csv"));
        tables.add(reportDir.resolve("tsne_gyro.csv"));
        write(
                reportDir.resolve("split_embeddings.png"),
                EmbeddingFigure.split(table, accelMap, gyroMap, context + "test embeddings, t-SNE"),
                pictures);
        captions.put(
                "split_embeddings.png",
                "t-SNE maps of the accelerometer (left) and"
                        + " gyroscope (right) embeddings of the test windows, coloured by class ("
                        + accelMap.method()
                        + "; coordinates in tsne_accel.csv and tsne_gyro.csv).");

        int[] all = new int[table.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        MapCoordinates pcaMap = EmbeddingProjection.pca(table.concatenated(), all);
        pcaMap.write(reportDir.resolve("pca.csv"), table);
        tables.add(reportDir.resolve("pca.csv"));
        write(
                reportDir.resolve("pca.png"),
                EmbeddingFigure.pca(
                        table,
                        pcaMap,
                        context + "test embeddings, PCA of [accelerometer, gyroscope]"),
                pictures);
        captions.put(
                "pca.png",
                "First two principal components of the concatenated accelerometer and gyroscope"
                        + " embedding of every test window (coordinates in pca.csv).");
    }

    static Optional<ModelCard> modelCard(Path dir) {
        Path file = dir.resolve("model.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(ModelCard.read(file));
    }

    private static void write(Path file, BufferedImage image, List<Path> pictures) {
        OutputFile.writePng(file, image);
        pictures.add(file);
        LOG.debug("wrote {} ({}x{})", file, image.getWidth(), image.getHeight());
    }

    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    Files.exists(dir)
                            ? dir + " is a file; expected a report or experiment folder"
                            : "report folder " + dir + " does not exist");
        }
    }

    /** Folders below the experiment folder (up to four levels) holding a test confusion CSV. */
    static List<Path> runFolders(Path experimentDir) {
        try (Stream<Path> walk = Files.walk(experimentDir, 5)) {
            return walk.filter(p -> p.getFileName().toString().equals("confusion_test.csv"))
                    .map(Path::getParent)
                    .filter(p -> !p.equals(experimentDir))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot list " + experimentDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The variant a run folder belongs to: the longest variant name that is a path element or
     * starts one followed by {@code -} or {@code _} and then {@code seed} or a digit.
     */
    static Optional<String> variantOf(Path relative, Iterable<String> variants) {
        SortedMap<Integer, String> byLength = new TreeMap<>(Comparator.reverseOrder());
        for (String variant : variants) {
            for (Path element : relative) {
                String e = element.toString();
                if (e.equals(variant)
                        || (e.startsWith(variant)
                                && e.length() > variant.length() + 1
                                && (e.charAt(variant.length()) == '-'
                                        || e.charAt(variant.length()) == '_')
                                && e.substring(variant.length() + 1)
                                        .matches("(?i)(seed)?[-_]?\\d.*"))) {
                    byLength.putIfAbsent(variant.length(), variant);
                }
            }
        }
        return byLength.isEmpty()
                ? Optional.empty()
                : Optional.of(byLength.get(byLength.firstKey()));
    }

    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
