package org.cagekit.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Streams rows of whitespace-separated numbers from a text file, one row per line, without holding
 * the file or a line as a string.
 *
 * <p>Fields are separated by runs of spaces or tabs; line ends may be {@code \n} or {@code \r\n};
 * lines holding only whitespace are skipped (but counted, so that line numbers in messages match an
 * editor's). A file whose name ends in {@code .gz} is decompressed on the fly.
 *
 * <p>Numbers are decimal, with an optional sign, fraction and exponent. They are converted by
 * scaling an exact integer mantissa of up to 18 digits by an exact power of ten, which is within
 * one unit in the last place of the correctly rounded double (the signals are later stored as
 * float, far coarser); anything else falls back to {@link Double#parseDouble}. {@code NaN} (any
 * case) is accepted only where the caller allows it; infinities never are.
 *
 * <p>Every error names the file, the 1-based line and field, and what was found.
 */
final class NumericTextReader implements Closeable {
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private final InputStream in;
    private final String name;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private final byte[] field = new byte[128];
    private int line;

    private NumericTextReader(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /**
     * Opens a file, decompressing it when its name ends in {@code .gz}.
     *
     * @throws IllegalArgumentException when the file does not exist
     * @throws UncheckedIOException when it cannot be opened
     */
    static NumericTextReader open(Path file) {
        try {
            return new NumericTextReader(CompressedText.open(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file name used in messages. */
    String name() {
        return name;
    }

    /** The 1-based number of the line last returned by {@link #next}, 0 before the first. */
    int line() {
        return line;
    }

    /**
     * Reads the next non-blank line into {@code row}.
     *
     * @param row receives exactly {@code row.length} values
     * @param allowNaN whether a {@code NaN} field is accepted (stored as {@link Double#NaN})
     * @return false at the end of the file
     * @throws IllegalArgumentException when the line has another number of fields, a field is not a
     *     number, or a value is not finite where that is required
     */
    boolean next(double[] row, boolean allowNaN) {
        try {
            while (true) {
                int b = read();
                if (b < 0) {
                    return false;
                }
                line++;
                int fields = 0;
                while (b >= 0 && b != '\n') {
                    if (b == ' ' || b == '\t' || b == '\r') {
                        b = read();
                        continue;
                    }
                    int length = 0;
                    while (b >= 0 && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                        if (length == field.length) {
                            throw problem(fields + 1, "a field longer than 128 characters");
                        }
                        field[length++] = (byte) b;
                        b = read();
                    }
                    if (fields < row.length) {
                        row[fields] = parse(length, fields + 1, allowNaN);
                    }
                    fields++;
                }
                if (fields == 0) {
                    continue;
                }
                if (fields != row.length) {
                    throw new IllegalArgumentException(
                            String.format(
                                    java.util.Locale.ROOT,
                                    "%s line %d: expected %d fields, found %d",
                                    name,
                                    line,
                                    row.length,
                                    fields));
                }
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + name + " after line " + line + ": " + e.getMessage(), e);
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xff;
    }

    private double parse(int length, int fieldNumber, boolean allowNaN) {
        int i = 0;
        boolean negative = false;
        if (field[0] == '-' || field[0] == '+') {
            negative = field[0] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean any = false;
        while (i < length && field[i] >= '0' && field[i] <= '9') {
            any = true;
            if (digits < 18) {
                mantissa = mantissa * 10 + (field[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                exponent++;
            }
            i++;
        }
        if (i < length && field[i] == '.') {
            i++;
            while (i < length && field[i] >= '0' && field[i] <= '9') {
                any = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (field[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    exponent--;
                }
                i++;
            }
        }
        if (any && i < length && (field[i] == 'e' || field[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < length && (field[i] == '-' || field[i] == '+')) {
                negativeExponent = field[i] == '-';
                i++;
            }
            int e = 0;
            boolean exponentDigits = false;
            while (i < length && field[i] >= '0' && field[i] <= '9') {
                exponentDigits = true;
                e = Math.min(e * 10 + (field[i] - '0'), 100_000);
                i++;
            }
            if (!exponentDigits) {
                any = false;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (any && i == length) {
            double value;
            if (mantissa == 0) {
                value = 0;
            } else if (exponent >= 0 && exponent < POWERS_OF_TEN.length) {
                value = mantissa * POWERS_OF_TEN[exponent];
            } else if (exponent < 0 && -exponent < POWERS_OF_TEN.length) {
                value = mantissa / POWERS_OF_TEN[-exponent];
            } else {
                value = slowParse(length, fieldNumber);
            }
            return negative ? -value : value;
        }
        return nonDecimal(length, fieldNumber, allowNaN);
    }

    /** A field of valid syntax whose exponent lies outside the exact fast range. */
    private double slowParse(int length, int fieldNumber) {
        String text = new String(field, 0, length, StandardCharsets.ISO_8859_1);
        // The caller applies the sign.
        double value = Math.abs(Double.parseDouble(text));
        if (!Double.isFinite(value)) {
            throw problem(fieldNumber, "'" + text + "', a value too large for a double");
        }
        return value;
    }

    /** A field that is not a plain decimal number: NaN, an infinity, or text. */
    private double nonDecimal(int length, int fieldNumber, boolean allowNaN) {
        String text = new String(field, 0, length, StandardCharsets.ISO_8859_1);
        String bare = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (bare.equalsIgnoreCase("nan")) {
            if (!allowNaN) {
                throw problem(fieldNumber, "NaN, which this format does not allow");
            }
            return Double.NaN;
        }
        if (bare.equalsIgnoreCase("inf") || bare.equalsIgnoreCase("infinity")) {
            throw problem(fieldNumber, "'" + text + "', but values must be finite");
        }
        throw problem(fieldNumber, "'" + printable(text) + "', which is not a number");
    }

    private IllegalArgumentException problem(int fieldNumber, String found) {
        return new IllegalArgumentException(
                name + " line " + line + " field " + fieldNumber + ": found " + found);
    }

    private static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        return sb.toString();
    }

    /**
     * Reads a whole file of {@code fields} columns and keeps the chosen ones.
     *
     * @param file the file, plain or {@code .gz}
     * @param fields the number of fields every line must have
     * @param columns 0-based indices of the columns to keep, in output order
     * @param allowNaN whether {@code NaN} fields are accepted
     * @return {@code [columns.length][rows]}
     */
    static double[][] readColumns(Path file, int fields, int[] columns, boolean allowNaN) {
        double[] row = new double[fields];
        double[][] out = new double[columns.length][1 << 14];
        int n = 0;
        try (NumericTextReader reader = open(file)) {
            while (reader.next(row, allowNaN)) {
                if (n == out[0].length) {
                    for (int c = 0; c < columns.length; c++) {
                        out[c] = java.util.Arrays.copyOf(out[c], n * 2);
                    }
                }
                for (int c = 0; c < columns.length; c++) {
                    out[c][n] = row[columns[c]];
                }
                n++;
            }
        }
        for (int c = 0; c < columns.length; c++) {
            out[c] = java.util.Arrays.copyOf(out[c], n);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name + ": " + e.getMessage(), e);
        }
    }
}
