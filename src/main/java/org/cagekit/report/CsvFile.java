package org.cagekit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one CSV report file: UTF-8, a single header line, {@code \n} line ends, numbers in a
 * locale-independent form. The rows go to {@code NAME.tmp} beside the target, which is moved into
 * place only when everything was written, so a reader never sees half a file.
 *
 * <pre>{@code
 * CsvFile.write(dir.resolve("knn_k.csv"), List.of("k", "val_accuracy"), out -> {
 *     out.printRecord(1, CsvFile.number(0.8125));
 * });
 * }</pre>
 *
 * gives
 *
 * <pre>
 * k,val_accuracy
 * 1,0.8125
 * </pre>
 */
public final class CsvFile {
    /** Writes the rows of one file. */
    @FunctionalInterface
    public interface Rows {
        void write(CSVPrinter out) throws IOException;
    }

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private CsvFile() {}

    /**
     * Writes {@code file} atomically.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Path file, List<String> header, Rows rows) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    CSVPrinter out = new CSVPrinter(writer, FORMAT)) {
                out.printRecord(header);
                rows.write(out);
            }
            moveIntoPlace(tmp, file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Moves a finished temporary file onto its target, atomically where the file system can. */
    public static void moveIntoPlace(Path tmp, Path file) throws IOException {
        try {
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A number as text that reads back to the same double: the shortest round-trip form, never
     * grouped or with a locale's decimal comma; {@code NaN} for an undefined value.
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return Double.toString(value);
    }

    /** A float as its shortest round-trip text. */
    public static String number(float value) {
        return Float.toString(value);
    }
}
