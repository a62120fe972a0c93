package org.cagekit.report.plot;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Two-dimensional coordinates of some rows of an {@link EmbeddingTable}, with the axis names and a
 * one-line description of how they were computed.
 *
 * @param rows the table rows mapped, ascending
 * @param x first coordinate of each mapped row
 * @param y second coordinate of each mapped row
 * @param xTitle name of the first axis, for example {@code PC1 (41.3 % of variance)}
 * @param yTitle name of the second axis
 * @param method how the map was made, for captions
 */
public record MapCoordinates(
        int[] rows, double[] x, double[] y, String xTitle, String yTitle, String method) {

    /** CSV header of {@link #write}. */
    public static final String HEADER = "window,subject,label,class,x,y";

    /**
     * Writes the coordinates as CSV: {@code window, subject, label, class, x, y}, one line per
     * mapped row in table order, numbers with Locale.ROOT and nine significant digits, which keeps
     * the file identical from one run to the next when the computation is.
     */
    public void write(Path file, EmbeddingTable table) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            int label = table.labels()[row];
            csv.append(table.windows()[row])
                    .append(',')
                    .append(table.subjects()[row])
                    .append(',')
                    .append(label)
                    .append(',')
                    .append(quoted(table.classNames().get(label)))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.9g", x[i]))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.9g", y[i]))
                    .append('\n');
        }
        OutputFile.writeString(file, csv);
    }

    static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
