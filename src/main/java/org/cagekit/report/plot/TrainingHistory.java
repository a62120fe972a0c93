package org.cagekit.report.plot;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The curves of {@code history.csv}, one row per epoch: the training loss and, when the file has
 * them, the validation loss, the cross-modal top-1 retrieval accuracy on training and on validation
 * windows, and the temperature.
 *
 * <p>Columns are found by name (see {@link CsvTable}): {@code epoch}; {@code loss} (or {@code
 * train_loss}); {@code val_loss} (or {@code validation_loss}); for top-1 a column named {@code
 * top1}, {@code cross_modal_top1} or {@code train_top1}, else any column whose name contains {@code
 * top1} and not {@code val}; for validation top-1 a column whose name contains both; {@code
 * temperature} (or {@code tau}). Empty cells are gaps in a curve.
 *
 * @param loss training loss per epoch
 * @param validationLoss validation loss per epoch, if present
 * @param top1 training cross-modal top-1 per epoch, if present
 * @param validationTop1 validation cross-modal top-1 per epoch, if present
 * @param temperature temperature per epoch, if present
 */
public record TrainingHistory(
        Series loss,
        Optional<Series> validationLoss,
        Optional<Series> top1,
        Optional<Series> validationTop1,
        Optional<Series> temperature) {

    /**
     * Reads a history file.
     *
     * @throws IllegalArgumentException when the epoch or loss column is missing or the file has no
     *     rows
     */
    public static TrainingHistory read(Path file) {
        CsvTable table = CsvTable.read(file);
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(file + ": no epochs, only a header");
        }
        double[] epochs = table.numbers(table.column("epoch"));
        Series loss =
                Series.of(
                        "training",
                        epochs,
                        table.numbers(table.column("loss", "train_loss", "training_loss")));
        Optional<Series> validationLoss =
                optional(
                        table,
                        epochs,
                        "validation",
                        table.findColumn("val_loss", "validation_loss"));
        OptionalInt top1Column =
                table.findColumn("top1", "cross_modal_top1", "train_top1", "training_top1");
        if (top1Column.isEmpty()) {
            top1Column = containing(table, "top1", false);
        }
        OptionalInt validationTop1Column =
                table.findColumn(
                        "val_top1",
                        "validation_top1",
                        "val_cross_modal_top1",
                        "validation_cross_modal_top1");
        if (validationTop1Column.isEmpty()) {
            validationTop1Column = containing(table, "top1", true);
        }
        return new TrainingHistory(
                loss,
                validationLoss,
                optional(table, epochs, "training", top1Column),
                optional(table, epochs, "validation", validationTop1Column),
                optional(table, epochs, "temperature", table.findColumn("temperature", "tau")));
    }

    private static Optional<Series> optional(
            CsvTable table, double[] epochs, String name, OptionalInt column) {
        if (column.isEmpty()) {
            return Optional.empty();
        }
        Series series = Series.of(name, epochs, table.numbers(column.getAsInt()));
        return series.isEmpty() ? Optional.empty() : Optional.of(series);
    }

    private static OptionalInt containing(CsvTable table, String token, boolean validation) {
        for (int c = 0; c < table.header().size(); c++) {
            String name = CsvTable.normalise(table.header().get(c));
            boolean isValidation = name.contains("val");
            if (name.contains(token) && isValidation == validation) {
                return OptionalInt.of(c);
            }
        }
        return OptionalInt.empty();
    }
}
