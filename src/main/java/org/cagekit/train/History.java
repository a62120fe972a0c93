package org.cagekit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The per-epoch rows of a run and their {@code history.csv}.
 *
 * <p>Columns: {@code epoch, loss, top1, temperature, lr, seconds, windows_per_s, val_loss,
 * val_top1, mean_cosine, grad_norm}, then one column per loss diagnostic other than the
 * temperature, in the order they first appeared. Losses, accuracies and rates are written with
 * {@link Float#toString(float)}, which reads back to the same float, so two runs' histories can be
 * compared bit for bit; an absent value is an empty cell.
 */
public final class History {
    /** The fixed columns, in order. */
    public static final List<String> COLUMNS =
            List.of(
                    "epoch",
                    "loss",
                    "top1",
                    "temperature",
                    "lr",
                    "seconds",
                    "windows_per_s",
                    "val_loss",
                    "val_top1",
                    "mean_cosine",
                    "grad_norm");

    private final List<EpochRecord> rows = new ArrayList<>();

    /** The rows so far. */
    public List<EpochRecord> rows() {
        return List.copyOf(rows);
    }

    void add(EpochRecord row) {
        rows.add(row);
    }

    void clear() {
        rows.clear();
    }

    /** The header: the fixed columns, then the diagnostics columns. */
    public List<String> header() {
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(diagnosticColumns());
        return header;
    }

    private List<String> diagnosticColumns() {
        Set<String> names = new LinkedHashSet<>();
        for (EpochRecord r : rows) {
            for (String name : r.diagnostics().keySet()) {
                if (!name.equals("temperature")) {
                    names.add(name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** Writes every row to a temporary name beside {@code file}, then moves it into place. */
    public void write(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        List<String> diagnostics = diagnosticColumns();
        CSVFormat format =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header().toArray(new String[0]))
                        .setRecordSeparator('\n')
                        .get();
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(w, format)) {
                for (EpochRecord r : rows) {
                    List<String> cells = new ArrayList<>();
                    cells.add(Integer.toString(r.epoch()));
                    cells.add(number(r.loss()));
                    cells.add(number(r.topOne()));
                    cells.add(number(r.temperature()));
                    cells.add(number(r.learningRate()));
                    cells.add(String.format(Locale.ROOT, "%.3f", r.seconds()));
                    cells.add(String.format(Locale.ROOT, "%.1f", r.windowsPerSecond()));
                    cells.add(number(r.validationLoss()));
                    cells.add(number(r.validationTopOne()));
                    cells.add(number(r.meanCosine()));
                    cells.add(number(r.gradientNorm()));
                    for (String name : diagnostics) {
                        Float value = r.diagnostics().get(name);
                        cells.add(value == null ? "" : number(value));
                    }
                    printer.printRecord(cells);
                }
            }
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write history " + file + ": " + e, e);
        }
    }

    private static String number(float value) {
        return Float.isNaN(value) ? "" : Float.toString(value);
    }
}
