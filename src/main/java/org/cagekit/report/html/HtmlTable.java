package org.cagekit.report.html;

import java.util.List;

/**
 * A table for an HTML page: a caption, header cells and rows of text cells, with an optional set of
 * cells to show in bold (for example the best value of a column).
 *
 * @param caption shown above the table; null for none
 * @param header column names
 * @param rows cell texts, each row at most as long as the header
 * @param strong which cells are bold, [row][column]; null for none
 */
public record HtmlTable(
        String caption, List<String> header, List<List<String>> rows, boolean[][] strong) {

    /** Copies the lists and checks the row widths. */
    public HtmlTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() > header.size()) {
                throw new IllegalArgumentException(
                        "table "
                                + caption
                                + ": row "
                                + (r + 1)
                                + " has "
                                + rows.get(r).size()
                                + " cells for "
                                + header.size()
                                + " columns");
            }
        }
    }

    /** A table without bold cells. */
    public HtmlTable(String caption, List<String> header, List<List<String>> rows) {
        this(caption, header, rows, null);
    }

    boolean isStrong(int row, int column) {
        return strong != null
                && row < strong.length
                && strong[row] != null
                && column < strong[row].length
                && strong[row][column];
    }
}
