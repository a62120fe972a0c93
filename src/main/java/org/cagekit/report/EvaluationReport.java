package org.cagekit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;
import org.cagekit.eval.ClassificationMetrics;
import org.cagekit.eval.ConfusionMatrix;
import org.cagekit.eval.EmbeddingDistances;
import org.cagekit.eval.EvaluationResult;

/**
 * Writes an {@link EvaluationResult} as CSV files into a report folder. Every file is UTF-8 with
 * one header line and is written to a temporary name, then moved into place (see {@link CsvFile}).
 * Class ids appear with their names.
 *
 * <table>
 *   <caption>Files</caption>
 *   <tr><th>file</th><th>columns</th></tr>
 *   <tr><td>metrics.csv</td><td>split, metric, value; metrics windows, accuracy,
 *       macro_precision, macro_recall, macro_f1, weighted_precision, weighted_recall,
 *       weighted_f1 for val and test</td></tr>
 *   <tr><td>per_class_val.csv, per_class_test.csv</td><td>label, class_name, precision, recall,
 *       f1, support</td></tr>
 *   <tr><td>confusion_val.csv, confusion_test.csv</td><td>true_label, true_name, then one column
 *       {@code pred_ID} per class id; rows true, columns predicted</td></tr>
 *   <tr><td>predictions_val.csv, predictions_test.csv</td><td>window (position in the split),
 *       subject, true, predicted, vote_share, true_name, predicted_name</td></tr>
 *   <tr><td>embedding_distances.csv</td><td>split, label, class_name, windows,
 *       intra_class_distance, inter_class_distance, ratio (mean cosine distances, see {@link
 *       EmbeddingDistances})</td></tr>
 *   <tr><td>knn_k.csv</td><td>k, val_accuracy, test_accuracy, val_macro_f1, test_macro_f1</td></tr>
 *   <tr><td>embeddings_test.csv</td><td>as {@link EmbeddingFiles}: window, subject, label,
 *       accel_0.., gyro_0.., class_name</td></tr>
 *   <tr><td>evaluation.csv</td><td>key, value: model, dataset, protocol, k, metric, weights,
 *       fit_on, reference_windows, embedding_dim, timings</td></tr>
 * </table>
 */
public final class EvaluationReport {
    /** The files {@link #write} produces, in writing order. */
    public static final List<String> FILES =
            List.of(
                    "metrics.csv",
                    "per_class_val.csv",
                    "per_class_test.csv",
                    "confusion_val.csv",
                    "confusion_test.csv",
                    "predictions_val.csv",
                    "predictions_test.csv",
                    "embedding_distances.csv",
                    "knn_k.csv",
                    "embeddings_test.csv",
                    "evaluation.csv");

    private EvaluationReport() {}

    /**
     * Writes every file of {@link #FILES} into {@code dir}, creating it.
     *
     * @throws java.io.UncheckedIOException naming the file that could not be written
     */
    public static void write(EvaluationResult result, Path dir) {
        writeMetrics(result, dir.resolve("metrics.csv"));
        for (EvaluationResult.SplitResult s : result.splits()) {
            String name = s.split().shortName();
            writePerClass(result, s.metrics(), dir.resolve("per_class_" + name + ".csv"));
            writeConfusion(
                    result, s.metrics().confusion(), dir.resolve("confusion_" + name + ".csv"));
            writePredictions(result, s, dir.resolve("predictions_" + name + ".csv"));
        }
        writeDistances(result, dir.resolve("embedding_distances.csv"));
        writeKSweep(result, dir.resolve("knn_k.csv"));
        EvaluationResult.SplitResult test = result.split(Split.TEST);
        EmbeddingFiles.writeCsv(
                dir.resolve("embeddings_test.csv"),
                test.windows(),
                test.embeddings(),
                result.classNames());
        writeSettings(result, dir.resolve("evaluation.csv"));
    }

    /**
     * The one-line summary printed after an evaluation, for example {@code val accuracy 0.8125
     * (macro F1 0.7931), test accuracy 0.7990 (macro F1 0.7702); k=7 cosine distance, 7352 train
     * references}.
     */
    public static String summary(EvaluationResult result) {
        ClassificationMetrics val = result.split(Split.VALIDATION).metrics();
        ClassificationMetrics test = result.split(Split.TEST).metrics();
        return String.format(
                Locale.ROOT,
                "val accuracy %.4f (macro F1 %.4f), test accuracy %.4f (macro F1 %.4f); k=%d %s %s,"
                        + " %d %s references",
                val.accuracy(),
                val.macro().f1(),
                test.accuracy(),
                test.macro().f1(),
                result.settings().k(),
                result.settings().metric().cliName(),
                result.settings().weights().cliName(),
                result.referenceWindows(),
                result.settings().fitOn().cliName());
    }

    private static void writeMetrics(EvaluationResult result, Path file) {
        CsvFile.write(
                file,
                List.of("split", "metric", "value"),
                out -> {
                    for (EvaluationResult.SplitResult s : result.splits()) {
                        String split = s.split().shortName();
                        ClassificationMetrics m = s.metrics();
                        out.printRecord(split, "windows", s.windows().size());
                        out.printRecord(split, "accuracy", CsvFile.number(m.accuracy()));
                        out.printRecord(
                                split, "macro_precision", CsvFile.number(m.macro().precision()));
                        out.printRecord(split, "macro_recall", CsvFile.number(m.macro().recall()));
                        out.printRecord(split, "macro_f1", CsvFile.number(m.macro().f1()));
                        out.printRecord(
                                split,
                                "weighted_precision",
                                CsvFile.number(m.weighted().precision()));
                        out.printRecord(
                                split, "weighted_recall", CsvFile.number(m.weighted().recall()));
                        out.printRecord(split, "weighted_f1", CsvFile.number(m.weighted().f1()));
                    }
                });
    }

    private static void writePerClass(
            EvaluationResult result, ClassificationMetrics metrics, Path file) {
        CsvFile.write(
                file,
                List.of("label", "class_name", "precision", "recall", "f1", "support"),
                out -> {
                    for (ClassificationMetrics.ClassScore c : metrics.perClass()) {
                        out.printRecord(
                                c.label(),
                                result.className(c.label()),
                                CsvFile.number(c.precision()),
                                CsvFile.number(c.recall()),
                                CsvFile.number(c.f1()),
                                c.support());
                    }
                });
    }

    private static void writeConfusion(
            EvaluationResult result, ConfusionMatrix confusion, Path file) {
        int[] labels = confusion.labels();
        List<String> header = new ArrayList<>(List.of("true_label", "true_name"));
        for (int label : labels) {
            header.add("pred_" + label);
        }
        CsvFile.write(
                file,
                header,
                out -> {
                    for (int r = 0; r < labels.length; r++) {
                        List<Object> row = new ArrayList<>();
                        row.add(labels[r]);
                        row.add(result.className(labels[r]));
                        for (int c = 0; c < labels.length; c++) {
                            row.add(confusion.count(r, c));
                        }
                        out.printRecord(row);
                    }
                });
    }

    private static void writePredictions(
            EvaluationResult result, EvaluationResult.SplitResult s, Path file) {
        WindowSet windows = s.windows();
        int[] predicted = s.classification().labels();
        double[] share = s.classification().voteShare();
        CsvFile.write(
                file,
                List.of(
                        "window",
                        "subject",
                        "true",
                        "predicted",
                        "vote_share",
                        "true_name",
                        "predicted_name"),
                out -> {
                    for (int w = 0; w < windows.size(); w++) {
                        out.printRecord(
                                w,
                                windows.subject(w),
                                windows.label(w),
                                predicted[w],
                                CsvFile.number(share[w]),
                                result.className(windows.label(w)),
                                result.className(predicted[w]));
                    }
                });
    }

    private static void writeDistances(EvaluationResult result, Path file) {
        CsvFile.write(
                file,
                List.of(
                        "split",
                        "label",
                        "class_name",
                        "windows",
                        "intra_class_distance",
                        "inter_class_distance",
                        "ratio"),
                out -> {
                    for (EvaluationResult.SplitResult s : result.splits()) {
                        for (EmbeddingDistances.ClassDistances d : s.distances()) {
                            out.printRecord(
                                    s.split().shortName(),
                                    d.label(),
                                    result.className(d.label()),
                                    d.windows(),
                                    CsvFile.number(d.intraClass()),
                                    CsvFile.number(d.interClass()),
                                    CsvFile.number(d.ratio()));
                        }
                    }
                });
    }

    private static void writeKSweep(EvaluationResult result, Path file) {
        CsvFile.write(
                file,
                List.of("k", "val_accuracy", "test_accuracy", "val_macro_f1", "test_macro_f1"),
                out -> {
                    for (EvaluationResult.KPoint p : result.kSweep()) {
                        out.printRecord(
                                p.k(),
                                CsvFile.number(p.valAccuracy()),
                                CsvFile.number(p.testAccuracy()),
                                CsvFile.number(p.valMacroF1()),
                                CsvFile.number(p.testMacroF1()));
                    }
                });
    }

    private static void writeSettings(EvaluationResult result, Path file) {
        EvaluationResult.SplitResult test = result.split(Split.TEST);
        double perSecond =
                result.embedSeconds() > 0 ? result.embeddedWindows() / result.embedSeconds() : 0;
        CsvFile.write(
                file,
                List.of("key", "value"),
                out -> {
                    out.printRecord("model", result.model());
                    out.printRecord("dataset", result.dataset());
                    out.printRecord("protocol", result.protocol());
                    out.printRecord("k", result.settings().k());
                    out.printRecord("metric", result.settings().metric().cliName());
                    out.printRecord("weights", result.settings().weights().cliName());
                    out.printRecord("fit_on", result.settings().fitOn().cliName());
                    out.printRecord("reference_windows", result.referenceWindows());
                    out.printRecord("embedding_dim", test.embeddings().dim());
                    out.printRecord("batch_size", result.settings().batchSize());
                    out.printRecord("threads", result.settings().threads());
                    out.printRecord("embedded_windows", result.embeddedWindows());
                    out.printRecord("embed_seconds", CsvFile.number(result.embedSeconds()));
                    out.printRecord("embed_windows_per_second", CsvFile.number(perSecond));
                    out.printRecord("knn_seconds", CsvFile.number(result.knnSeconds()));
                });
    }
}
