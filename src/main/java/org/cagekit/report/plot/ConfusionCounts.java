package org.cagekit.report.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A confusion matrix as the evaluator writes it ({@code confusion_val.csv}, {@code
 * confusion_test.csv}): a header whose first cell names the table (any text) and whose other cells
 * are the predicted classes, then one row per true class starting with its name, then the counts.
 * Rows are true classes, columns predicted classes, in the same order.
 *
 * <p>Class cells that are integer ids are named through the model card when it knows them.
 *
 * @param classes class names in row (and column) order
 * @param counts counts[true][predicted]
 */
public record ConfusionCounts(List<String> classes, long[][] counts) {

    /** Creates a matrix, checking that it is square and matches the class list. */
    public ConfusionCounts {
        classes = List.copyOf(classes);
        if (counts.length != classes.size()) {
            throw new IllegalArgumentException(
                    counts.length + " rows for " + classes.size() + " classes");
        }
        for (long[] row : counts) {
            if (row.length != classes.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.length + " columns for " + classes.size() + " classes");
            }
        }
    }

    /** Number of windows counted. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }

    /** Sum of the diagonal over the total; NaN for an empty matrix. */
    public double accuracy() {
        long diagonal = 0;
        for (int i = 0; i < counts.length; i++) {
            diagonal += counts[i][i];
        }
        long total = total();
        return total == 0 ? Double.NaN : (double) diagonal / total;
    }

    /** Count over the row's total; 0 in a row without windows. */
    public double rowShare(int trueClass, int predicted) {
        long row = 0;
        for (long c : counts[trueClass]) {
            row += c;
        }
        return row == 0 ? 0 : (double) counts[trueClass][predicted] / row;
    }

    /** The element-wise sum of two matrices over the same classes. */
    public ConfusionCounts plus(ConfusionCounts other) {
        if (!classes.equals(other.classes)) {
            throw new IllegalArgumentException(
                    "cannot add confusion matrices over different classes: "
                            + classes
                            + " and "
                            + other.classes);
        }
        long[][] sum = new long[counts.length][];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = counts[i].clone();
            for (int j = 0; j < sum[i].length; j++) {
                sum[i][j] += other.counts[i][j];
            }
        }
        return new ConfusionCounts(classes, sum);
    }

    /**
     * Reads a confusion CSV.
     *
     * @param file the file
     * @param knownClassNames class id to name from the model card; empty when unknown
     * @throws IllegalArgumentException when the rows and columns do not name the same classes in
     *     the same order, or a count is not a non-negative integer
     */
    public static ConfusionCounts read(Path file, Map<Integer, String> knownClassNames) {
        CsvTable table = CsvTable.read(file);
        List<String> header = table.header();
        boolean evaluatorLayout =
                header.size() >= 2
                        && CsvTable.normalise(header.get(0)).equals("truelabel")
                        && CsvTable.normalise(header.get(1)).equals("truename");
        int first = evaluatorLayout ? 2 : 1;
        List<String> columns = new ArrayList<>();
        for (String cell : header.subList(first, header.size())) {
            columns.add(evaluatorLayout && cell.startsWith("pred_") ? cell.substring(5) : cell);
        }
        List<String> rows = new ArrayList<>();
        List<String> rowNames = new ArrayList<>();
        long[][] counts = new long[table.rowCount()][columns.size()];
        for (int r = 0; r < table.rowCount(); r++) {
            rows.add(table.cell(r, 0));
            rowNames.add(evaluatorLayout ? table.cell(r, 1) : table.cell(r, 0));
            for (int c = 0; c < columns.size(); c++) {
                double value = table.number(r, c + first);
                if (value < 0 || value != Math.rint(value)) {
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + table.lineOf(r)
                                    + ", column "
                                    + header.get(c + first)
                                    + ": expected a count, found "
                                    + table.cell(r, c + first));
                }
                counts[r][c] = (long) value;
            }
        }
        if (!rows.equals(columns)) {
            throw new IllegalArgumentException(
                    file
                            + ": the true classes (first column) "
                            + rows
                            + " differ from the predicted classes (header) "
                            + columns);
        }
        List<String> names = new ArrayList<>();
        for (String cell : rowNames) {
            String name = cell;
            if (cell.matches("-?\\d+")) {
                name = knownClassNames.getOrDefault(Integer.parseInt(cell), cell);
            }
            names.add(name);
        }
        return new ConfusionCounts(names, counts);
    }
}
