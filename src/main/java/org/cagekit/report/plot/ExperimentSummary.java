package org.cagekit.report.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The experiment table {@code summary.csv}, one row per variant and seed, reduced to one line per
 * variant: mean, sample standard deviation (n - 1 in the denominator; 0 for a single seed), minimum
 * and maximum over seeds, for each score column present.
 *
 * <p>Columns: {@code variant}, {@code seed}, and any of {@code val_accuracy}, {@code
 * test_accuracy}, {@code test_weighted_f1} (or {@code weighted_f1}), {@code test_macro_f1} (or
 * {@code macro_f1}), {@code val_weighted_f1}, {@code val_macro_f1}; other columns are ignored here.
 * Variants keep the order of their first row.
 *
 * @param scores score names present, in {@link #SCORES} order
 * @param variants one line per variant
 */
public record ExperimentSummary(List<String> scores, List<Variant> variants) {

    /** The scores looked for, each with the column names accepted for it. */
    public static final Map<String, String[]> SCORES = scoreColumns();

    /**
     * One variant's statistics.
     *
     * @param name variant name
     * @param seeds number of rows (seeds) of the variant
     * @param mean mean of each score, NaN where the variant has no value
     * @param std sample standard deviation of each score
     * @param min smallest value of each score
     * @param max largest value of each score
     */
    public record Variant(
            String name, int seeds, double[] mean, double[] std, double[] min, double[] max) {}

    /**
     * Reads and reduces the file.
     *
     * @throws IllegalArgumentException when the variant column or every score column is missing
     */
    public static ExperimentSummary read(Path file) {
        CsvTable table = CsvTable.read(file);
        int variantColumn = table.column("variant");
        List<String> names = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (Map.Entry<String, String[]> score : SCORES.entrySet()) {
            OptionalInt column = table.findColumn(score.getValue());
            if (column.isPresent() && !columns.contains(column.getAsInt())) {
                names.add(score.getKey());
                columns.add(column.getAsInt());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(
                    file
                            + ": no score column (test_accuracy, val_accuracy, ...) in the header "
                            + String.join(",", table.header()));
        }
        Map<String, List<double[]>> rowsByVariant = new LinkedHashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            double[] values = new double[columns.size()];
            for (int s = 0; s < values.length; s++) {
                values[s] = table.numberOrNaN(r, columns.get(s));
            }
            rowsByVariant
                    .computeIfAbsent(table.cell(r, variantColumn), v -> new ArrayList<>())
                    .add(values);
        }
        List<Variant> variants = new ArrayList<>();
        rowsByVariant.forEach((name, rows) -> variants.add(reduce(name, rows, columns.size())));
        return new ExperimentSummary(List.copyOf(names), List.copyOf(variants));
    }

    /** Index of a score in {@link #scores()}, or -1. */
    public int indexOf(String score) {
        return scores.indexOf(score);
    }

    static Variant reduce(String name, List<double[]> rows, int scores) {
        double[] mean = new double[scores];
        double[] std = new double[scores];
        double[] min = new double[scores];
        double[] max = new double[scores];
        for (int s = 0; s < scores; s++) {
            double sum = 0;
            int n = 0;
            min[s] = Double.POSITIVE_INFINITY;
            max[s] = Double.NEGATIVE_INFINITY;
            for (double[] row : rows) {
                if (!Double.isNaN(row[s])) {
                    sum += row[s];
                    n++;
                    min[s] = Math.min(min[s], row[s]);
                    max[s] = Math.max(max[s], row[s]);
                }
            }
            mean[s] = n == 0 ? Double.NaN : sum / n;
            double squares = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[s])) {
                    squares += (row[s] - mean[s]) * (row[s] - mean[s]);
                }
            }
            std[s] = n > 1 ? Math.sqrt(squares / (n - 1)) : n == 1 ? 0 : Double.NaN;
            if (n == 0) {
                min[s] = Double.NaN;
                max[s] = Double.NaN;
            }
        }
        return new Variant(name, rows.size(), mean, std, min, max);
    }

    private static Map<String, String[]> scoreColumns() {
        Map<String, String[]> scores = new LinkedHashMap<>();
        scores.put("test accuracy", new String[] {"test_accuracy", "test_acc", "accuracy"});
        scores.put(
                "test weighted F1",
                new String[] {
                    "test_weighted_f1", "weighted_f1", "test_f1_weighted", "f1_weighted"
                });
        scores.put(
                "test macro F1",
                new String[] {"test_macro_f1", "macro_f1", "test_f1_macro", "f1_macro"});
        scores.put(
                "validation accuracy",
                new String[] {"val_accuracy", "validation_accuracy", "val_acc"});
        scores.put(
                "validation weighted F1",
                new String[] {"val_weighted_f1", "validation_weighted_f1"});
        scores.put("validation macro F1", new String[] {"val_macro_f1", "validation_macro_f1"});
        return scores;
    }
}
