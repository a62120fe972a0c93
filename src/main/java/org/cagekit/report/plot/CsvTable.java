package org.cagekit.report.plot;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One report CSV file held in memory: a header row and string cells, read with Commons CSV
 * (comma-separated, UTF-8, one header line, an optional byte-order mark ignored).
 *
 * <p>Columns are found by name with {@link #column(String...)}. Names are compared after
 * lower-casing and dropping every character that is not a letter or a digit, so {@code
 * val_accuracy}, {@code Val accuracy} and {@code val-accuracy} are the same column; several
 * candidate names may be given for a column that different writers spell differently. Numeric cells
 * are parsed with {@link Double#parseDouble}, which reads Locale.ROOT numbers, {@code NaN} and
 * {@code Infinity}; a cell that does not parse is reported with the file, the line number (1 is the
 * header) and the column name.
 */
public final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final List<String[]> rows;
    private final List<Long> lines;

    private CsvTable(Path file, List<String> header, List<String[]> rows, List<Long> lines) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = rows;
        this.lines = lines;
    }

    /**
     * Reads a whole CSV file.
     *
     * @throws IllegalArgumentException when the file has no header or a row has more cells than the
     *     header
     * @throws UncheckedIOException when the file cannot be read
     */
    public static CsvTable read(Path file) {
        Objects.requireNonNull(file, "file");
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = null;
            List<String[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                String[] cells = record.values();
                if (header == null) {
                    if (cells.length > 0 && cells[0].startsWith("\uFEFF")) {
                        cells[0] = cells[0].substring(1);
                    }
                    header = List.of(cells);
                    continue;
                }
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue;
                }
                if (cells.length > header.size()) {
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + parser.getCurrentLineNumber()
                                    + ": "
                                    + cells.length
                                    + " cells, but the header has "
                                    + header.size()
                                    + " columns");
                }
                rows.add(cells);
                lines.add(parser.getCurrentLineNumber());
            }
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a header line");
            }
            return new CsvTable(file, header, rows, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file this table was read from. */
    public Path file() {
        return file;
    }

    /** The header cells in file order. */
    public List<String> header() {
        return header;
    }

    /** Number of data rows (the header not counted). */
    public int rowCount() {
        return rows.size();
    }

    /** The cell at a data row and column; a short row reads as empty cells. */
    public String cell(int row, int column) {
        String[] cells = rows.get(row);
        return column < cells.length ? cells[column] : "";
    }

    /** The 1-based line number of a data row in the file, for messages. */
    public long lineOf(int row) {
        return lines.get(row);
    }

    /** Index of the first column whose name matches one of the candidates, if any. */
    public OptionalInt findColumn(String... candidates) {
        for (String candidate : candidates) {
            String wanted = normalise(candidate);
            for (int c = 0; c < header.size(); c++) {
                if (normalise(header.get(c)).equals(wanted)) {
                    return OptionalInt.of(c);
                }
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Index of a required column.
     *
     * @throws IllegalArgumentException naming the file, the candidates and the header found
     */
    public int column(String... candidates) {
        OptionalInt found = findColumn(candidates);
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    file
                            + ": no column "
                            + String.join(" or ", candidates)
                            + " in the header "
                            + String.join(",", header));
        }
        return found.getAsInt();
    }

    /**
     * The cell parsed as a number.
     *
     * @throws IllegalArgumentException naming the file, line and column when it is not a number
     */
    public double number(int row, int column) {
        String text = cell(row, column);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file
                            + " line "
                            + lineOf(row)
                            + ", column "
                            + header.get(column)
                            + ": expected a number, found '"
                            + text
                            + "'",
                    e);
        }
    }

    /** The cell parsed as a number, or NaN when it is empty. */
    public double numberOrNaN(int row, int column) {
        return cell(row, column).isEmpty() ? Double.NaN : number(row, column);
    }

    /**
     * The cell parsed as an integer.
     *
     * @throws IllegalArgumentException naming the file, line and column when it is not an integer
     */
    public int integer(int row, int column) {
        String text = cell(row, column);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            double value = number(row, column);
            if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
                return (int) value;
            }
            throw new IllegalArgumentException(
                    file
                            + " line "
                            + lineOf(row)
                            + ", column "
                            + header.get(column)
                            + ": expected an integer, found '"
                            + text
                            + "'",
                    e);
        }
    }

    /** The whole column parsed as numbers; empty cells become NaN. */
    public double[] numbers(int column) {
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = numberOrNaN(r, column);
        }
        return values;
    }

    static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char ch : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
