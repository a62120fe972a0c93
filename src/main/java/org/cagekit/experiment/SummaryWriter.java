package org.cagekit.experiment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cagekit.experiment.ExperimentTable.Column;
import org.cagekit.experiment.ExperimentTable.Row;

/**
 * Writes an experiment's {@code summary.csv} and {@code summary.md}, each to a temporary name first
 * and then moved into place.
 *
 * <p>{@code summary.csv}: one line per (variant, seed) with the columns {@link #CSV_HEADER};
 * accuracies and F1 scores are fractions in [0, 1].
 *
 * <p>{@code summary.md}: the command line and the machine; the table of means ± standard deviations
 * over seeds with the best mean of each score column in bold; the quality goals with the measured
 * figures; each variant's test confusion matrix summed over its seeds; and the reference study's
 * own figures as context, labelled as coming from another dataset and from code with known defects.
 */
public final class SummaryWriter {
    /** The header of {@code summary.csv}. */
    public static final List<String> CSV_HEADER =
            List.of(
                    "variant",
                    "supervised",
                    "seed",
                    Column.VAL_ACCURACY.csvName(),
                    Column.VAL_WEIGHTED_F1.csvName(),
                    Column.VAL_MACRO_F1.csvName(),
                    Column.TEST_ACCURACY.csvName(),
                    Column.TEST_WEIGHTED_F1.csvName(),
                    Column.TEST_MACRO_F1.csvName(),
                    Column.EPOCHS.csvName(),
                    "best_epoch",
                    Column.TRAIN_SECONDS.csvName(),
                    "parity_max_abs_diff");

    /** The test accuracy the best label-free variant should reach. */
    public static final double ACCURACY_GOAL = 0.82;

    /** The test weighted F1 the best label-free variant should reach. */
    public static final double WEIGHTED_F1_GOAL = 0.80;

    /**
     * One figure the reference study reported on mHealth.
     *
     * @param variant the study's name for the loss
     * @param accuracy test accuracy in percent, or NaN where it was never run
     * @param f1 F1 as the study reported it, or NaN
     */
    public record StudyFigure(String variant, double accuracy, double f1) {}

    /** The reference study's mHealth figures. */
    public static final List<StudyFigure> REFERENCE_STUDY =
            List.of(
                    new StudyFigure("default loss", 51.24, 0.5090),
                    new StudyFigure("NT-Xent", 49.54, 0.4813),
                    new StudyFigure("triplet", 48.48, 0.4694),
                    new StudyFigure("learnable τ", 49.40, 0.4848),
                    new StudyFigure("hard negative", 44.09, 0.4262),
                    new StudyFigure("semi-hard negative", Double.NaN, Double.NaN));

    /**
     * What the report says about where and on what the experiment ran.
     *
     * @param dataset dataset name
     * @param protocol protocol name
     * @param parameters the protocol's parameters
     * @param classNames class id to name
     * @param windows windows per split, by short split name
     * @param machine lines describing the machine
     */
    public record Context(
            String dataset,
            String protocol,
            Map<String, String> parameters,
            SortedMap<Integer, String> classNames,
            Map<String, Integer> windows,
            List<String> machine) {}

    private SummaryWriter() {}

    /** Writes {@code summary.csv} into {@code dir} and returns its path. */
    public static Path writeCsv(Path dir, List<RunResult> results) {
        StringWriter text = new StringWriter();
        CSVFormat format =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(CSV_HEADER.toArray(String[]::new))
                        .setRecordSeparator("\n")
                        .build();
        try (CSVPrinter csv = new CSVPrinter(text, format)) {
            for (RunResult r : results) {
                List<Object> row = new ArrayList<>();
                row.add(r.variant());
                row.add(r.supervised());
                row.add(r.seed());
                row.add(number(r.validation().accuracy()));
                row.add(number(r.validation().weightedF1()));
                row.add(number(r.validation().macroF1()));
                row.add(number(r.test().accuracy()));
                row.add(number(r.test().weightedF1()));
                row.add(number(r.test().macroF1()));
                row.add(r.epochs());
                row.add(r.bestEpoch());
                row.add(String.format(Locale.ROOT, "%.1f", r.trainSeconds()));
                row.add(String.format(Locale.ROOT, "%.3e", r.parityMaxAbsDiff()));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format summary.csv: " + e, e);
        }
        return write(dir.resolve("summary.csv"), text.toString());
    }

    /** Writes {@code summary.md} into {@code dir} and returns its path. */
    public static Path writeMarkdown(
            Path dir, ExperimentPlan plan, ExperimentTable table, Context context) {
        return writeMarkdown(dir, plan, table, context, null);
    }

    /**
     * As {@link #writeMarkdown(Path, ExperimentPlan, ExperimentTable, Context)}, with the
     * experimenter's own notes (Markdown: what else was tried, which settings were chosen on the
     * validation split and why) appended under a "Notes" heading when not null.
     */
    public static Path writeMarkdown(
            Path dir, ExperimentPlan plan, ExperimentTable table, Context context, String notes) {
        String text = markdown(plan, table, context);
        if (notes != null && !notes.isBlank()) {
            text = text + "## Notes\n\n" + notes.strip() + "\n";
        }
        return write(dir.resolve("summary.md"), text);
    }

    /** The text of {@code summary.md}. */
    static String markdown(ExperimentPlan plan, ExperimentTable table, Context context) {
        StringBuilder md = new StringBuilder();
        md.append("# Experiment ")
                .append(plan.preset())
                .append(" on ")
                .append(context.protocol())
                .append("\n\n");
        md.append("Produced by:\n\n```\n").append(plan.commandLine()).append("\n```\n\n");
        md.append("Machine:\n\n");
        for (String line : context.machine()) {
            md.append("- ").append(line).append('\n');
        }
        md.append('\n');
        md.append("Data: dataset ")
                .append(context.dataset())
                .append(", protocol ")
                .append(context.protocol())
                .append("; windows ");
        List<String> counts = new ArrayList<>();
        context.windows().forEach((split, n) -> counts.add(split + " " + n));
        md.append(String.join(", ", counts)).append(". Protocol parameters: ");
        List<String> parameters = new ArrayList<>();
        context.parameters().forEach((k, v) -> parameters.add(k + "=" + v));
        md.append(String.join(", ", parameters)).append(".\n\n");
        md.append(
                        "Every trained variant shares the training settings below and differs only"
                                + " in its loss; the exported parameters are those of the epoch"
                                + " with the lowest validation loss. Evaluation runs the exported"
                                + " ONNX file in ONNX Runtime: the train windows are the"
                                + " references of a ")
                .append(plan.k())
                .append(
                        "-nearest-neighbour classifier (cosine distance on the joint embedding,"
                                + " distance-weighted votes), and the validation and test windows"
                                + " are classified. Nothing was chosen by looking at the test"
                                + " split.\n\n");
        md.append("Training: ");
        List<String> training = new ArrayList<>();
        for (Map.Entry<String, String> e : plan.training().settings().entrySet()) {
            if (!e.getKey().startsWith("loss.") && !e.getKey().equals("seed")) {
                training.add(e.getKey() + "=" + e.getValue());
            }
        }
        md.append(String.join(", ", training)).append("; seeds ");
        md.append(plan.seeds().toString().replaceAll("[\\[\\]]", "")).append(".\n\n");

        appendTable(md, table);
        appendGoals(md, plan, table);
        appendConfusions(md, table, context.classNames());
        appendReferenceStudy(md);
        return md.toString();
    }

    private static void appendTable(StringBuilder md, ExperimentTable table) {
        md.append("## Results (mean ± standard deviation over seeds)\n\n");
        md.append(
                "Accuracy in percent, F1 scores as fractions; the best mean of each score column"
                        + " is in bold. `supervised` marks a reference that reads the class labels"
                        + " in training.\n\n");
        List<Column> shown =
                List.of(
                        Column.VAL_ACCURACY,
                        Column.VAL_WEIGHTED_F1,
                        Column.TEST_ACCURACY,
                        Column.TEST_WEIGHTED_F1,
                        Column.TEST_MACRO_F1,
                        Column.EPOCHS,
                        Column.TRAIN_SECONDS);
        md.append("| variant | seeds |");
        for (Column c : shown) {
            md.append(' ').append(c.title()).append(" |");
        }
        md.append("\n|---|---:|");
        for (int i = 0; i < shown.size(); i++) {
            md.append("---:|");
        }
        md.append('\n');
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = table.rows().get(r);
            md.append("| ").append(row.variant().name());
            if (row.variant().supervised()) {
                md.append(" (supervised)");
            }
            md.append(" | ").append(row.runs().size()).append(" |");
            for (Column c : shown) {
                String cell = cell(row, c);
                if (table.isBest(r, c)) {
                    cell = "**" + cell + "**";
                }
                md.append(' ').append(cell).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        for (Row row : table.rows()) {
            md.append("- `")
                    .append(row.variant().name())
                    .append("`: ")
                    .append(row.variant().description())
                    .append('\n');
        }
        md.append('\n');
    }

    private static String cell(Row row, Column c) {
        double m = row.mean()[c.ordinal()];
        double s = row.std()[c.ordinal()];
        if (Double.isNaN(m)) {
            return "–";
        }
        switch (c) {
            case VAL_ACCURACY:
            case TEST_ACCURACY:
                return String.format(Locale.ROOT, "%.2f ± %.2f", 100 * m, 100 * s);
            case EPOCHS:
                return String.format(Locale.ROOT, "%.0f", m);
            case TRAIN_SECONDS:
                return String.format(Locale.ROOT, "%.0f ± %.0f", m, s);
            default:
                return String.format(Locale.ROOT, "%.4f ± %.4f", m, s);
        }
    }

    private static void appendGoals(StringBuilder md, ExperimentPlan plan, ExperimentTable table) {
        md.append("## Quality goals\n\n");
        Row untrained = table.untrained();
        double floor =
                untrained == null ? Double.NaN : untrained.mean()[Column.TEST_ACCURACY.ordinal()];
        md.append("1. Every trained label-free variant beats random-init on test accuracy");
        if (Double.isNaN(floor)) {
            md.append(": not measured, the experiment has no random-init result.\n");
        } else {
            List<String> losing = new ArrayList<>();
            StringBuilder lines = new StringBuilder();
            for (Row row : table.rows()) {
                if (!row.variant().trained() || row.variant().supervised()) {
                    continue;
                }
                double m = row.mean()[Column.TEST_ACCURACY.ordinal()];
                boolean beats = m > floor;
                if (!beats) {
                    losing.add(row.variant().name());
                }
                lines.append(
                        String.format(
                                Locale.ROOT,
                                "   - %s: %.2f %% %s random-init's %.2f %%\n",
                                row.variant().name(),
                                100 * m,
                                beats ? ">" : "<=",
                                100 * floor));
            }
            md.append(
                    losing.isEmpty()
                            ? ": **met**.\n"
                            : ": **not met** (" + String.join(", ", losing) + ").\n");
            md.append(lines);
        }
        Row best = table.bestLabelFree();
        md.append(
                String.format(
                        Locale.ROOT,
                        "2. The best label-free variant reaches at least %.0f %% test accuracy and"
                                + " %.2f test weighted F1",
                        100 * ACCURACY_GOAL,
                        WEIGHTED_F1_GOAL));
        if (best == null) {
            md.append(": not measured, the experiment has no trained label-free result.\n\n");
            return;
        }
        double accuracy = best.mean()[Column.TEST_ACCURACY.ordinal()];
        double f1 = best.mean()[Column.TEST_WEIGHTED_F1.ordinal()];
        boolean met = accuracy >= ACCURACY_GOAL && f1 >= WEIGHTED_F1_GOAL;
        md.append(met ? ": **met**. " : ": **not met**. ");
        md.append(
                String.format(
                        Locale.ROOT,
                        "The best label-free variant by mean test accuracy is %s with %.2f %% and"
                                + " weighted F1 %.4f (means over %d %s, %d %s).\n",
                        best.variant().name(),
                        100 * accuracy,
                        f1,
                        best.runs().size(),
                        best.runs().size() == 1 ? "seed" : "seeds",
                        plan.training().epochs(),
                        plan.training().epochs() == 1 ? "epoch" : "epochs"));
        if (!met) {
            md.append(
                    "   What was tried: the label-free variants of the table above (NT-Xent in"
                            + " three temperature modes, the triplet loss with random, hard and"
                            + " semi-hard negatives, and their combination), all with the training"
                            + " settings listed at the top; no variant reached the goal with"
                            + " them.\n");
        }
        md.append('\n');
    }

    private static void appendConfusions(
            StringBuilder md, ExperimentTable table, SortedMap<Integer, String> classNames) {
        md.append("## Test confusion matrices (summed over seeds)\n\n");
        md.append(
                "Rows are the true classes, columns the predicted ones, in the order of the row"
                        + " labels.\n\n");
        for (Row row : table.rows()) {
            md.append("### ").append(row.variant().name()).append("\n\n");
            if (row.testConfusion() == null) {
                md.append("No finished run.\n\n");
                continue;
            }
            int[] ids = row.classIds();
            md.append("| true \\ predicted |");
            for (int id : ids) {
                md.append(' ').append(id).append(" |");
            }
            md.append("\n|---|");
            for (int i = 0; i < ids.length; i++) {
                md.append("---:|");
            }
            md.append('\n');
            for (int t = 0; t < ids.length; t++) {
                md.append("| ")
                        .append(ids[t])
                        .append(' ')
                        .append(classNames.getOrDefault(ids[t], "?"))
                        .append(" |");
                for (int p = 0; p < ids.length; p++) {
                    md.append(' ').append(row.testConfusion()[t][p]).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }

    private static void appendReferenceStudy(StringBuilder md) {
        md.append("## Context: the reference study's own figures (not comparable)\n\n");
        md.append(
                "These are the reference study's published test figures. They come from another"
                        + " dataset (mHealth, not the protocol above) and from code with known"
                        + " defects (among them, its triplet loss compared each anchor with"
                        + " itself), so they are context only, not a baseline for the table"
                        + " above.\n\n");
        md.append("| study variant | accuracy | F1 |\n|---|---:|---:|\n");
        for (StudyFigure f : REFERENCE_STUDY) {
            if (Double.isNaN(f.accuracy())) {
                md.append("| ").append(f.variant()).append(" | never run | never run |\n");
            } else {
                md.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %.2f %% | %.4f |\n",
                                f.variant(),
                                f.accuracy(),
                                f.f1()));
            }
        }
        md.append('\n');
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static Path write(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
    }
}
