package org.cagekit.report.plot;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportRenderer} wrote.
 *
 * @param directory the report or experiment folder
 * @param pictures the PNG files written, in drawing order
 * @param tables the coordinate CSV files written
 * @param skipped one sentence per picture not drawn, saying which file was missing
 * @param page the {@code index.html} written, or null when the page was not asked for
 */
public record RenderResult(
        Path directory, List<Path> pictures, List<Path> tables, List<String> skipped, Path page) {

    /** Copies the lists. */
    public RenderResult {
        pictures = List.copyOf(pictures);
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
    }

    /** One line for a terminal: how many pictures, tables and skips, and where. */
    public String summary() {
        return "drew "
                + pictures.size()
                + (pictures.size() == 1 ? " picture" : " pictures")
                + " and wrote "
                + tables.size()
                + (tables.size() == 1 ? " coordinate table" : " coordinate tables")
                + (page == null ? "" : " and " + page.getFileName())
                + " in "
                + directory
                + (skipped.isEmpty() ? "" : "; " + skipped.size() + " not drawn");
    }
}
