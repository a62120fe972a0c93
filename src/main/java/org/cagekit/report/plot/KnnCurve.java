package org.cagekit.report.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * KNN accuracy against the number of neighbours, from {@code knn_k.csv}. Two layouts are read:
 * wide, one row per k with the columns {@code k}, {@code val_accuracy} (or {@code
 * validation_accuracy}, {@code val}) and {@code test_accuracy} (or {@code test}), either of the
 * last two optional; and long, with the columns {@code k}, {@code split} and {@code accuracy}.
 *
 * @param series one curve per split, validation first
 */
public record KnnCurve(List<Series> series) {

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException when the k column is missing or no accuracy column is found
     */
    public static KnnCurve read(Path file) {
        CsvTable table = CsvTable.read(file);
        double[] k = table.numbers(table.column("k"));
        OptionalInt split = table.findColumn("split");
        List<Series> series = new ArrayList<>();
        if (split.isPresent()) {
            int accuracy = table.column("accuracy");
            Map<String, TreeMap<Double, Double>> bySplit = new LinkedHashMap<>();
            for (int r = 0; r < table.rowCount(); r++) {
                bySplit.computeIfAbsent(
                                splitName(table.cell(r, split.getAsInt())), s -> new TreeMap<>())
                        .put(k[r], table.number(r, accuracy));
            }
            for (String name : List.of("validation", "test")) {
                TreeMap<Double, Double> points = bySplit.remove(name);
                if (points != null) {
                    series.add(
                            new Series(
                                    name,
                                    List.copyOf(points.keySet()),
                                    List.copyOf(points.values())));
                }
            }
            bySplit.forEach(
                    (name, points) ->
                            series.add(
                                    new Series(
                                            name,
                                            List.copyOf(points.keySet()),
                                            List.copyOf(points.values()))));
        } else {
            OptionalInt val =
                    table.findColumn(
                            "val_accuracy", "validation_accuracy", "val_acc", "val", "validation");
            OptionalInt test = table.findColumn("test_accuracy", "test_acc", "test");
            if (val.isPresent()) {
                series.add(Series.of("validation", k, table.numbers(val.getAsInt())));
            }
            if (test.isPresent()) {
                series.add(Series.of("test", k, table.numbers(test.getAsInt())));
            }
        }
        series.removeIf(Series::isEmpty);
        if (series.isEmpty()) {
            throw new IllegalArgumentException(
                    file
                            + ": no accuracy column (val_accuracy, test_accuracy, or split and"
                            + " accuracy) in the header "
                            + String.join(",", table.header()));
        }
        return new KnnCurve(List.copyOf(series));
    }

    private static String splitName(String cell) {
        String name = CsvTable.normalise(cell);
        return name.equals("val") ? "validation" : name;
    }
}
