package org.cagekit.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The figures of a {@link ParityCheck}, one row per check, and their CSV form {@code parity.csv}.
 *
 * <p>Columns: {@code check} (reference, validation, batch-1, batch-7, batch-64), {@code windows},
 * {@code batch_size}, {@code accel_max_abs_diff}, {@code gyro_max_abs_diff}, {@code
 * embedding_max_abs_diff} (largest absolute difference between DJL and ONNX Runtime of any
 * component of that output), {@code knn_agreement} (fraction of validation windows whose KNN
 * prediction is the same on both sides; empty where not measured), {@code knn_undecided} (of the
 * windows that disagree, those whose k nearest references are not determined at the measured
 * precision, see {@link ParityCheck}), {@code tolerance} and {@code passed}.
 *
 * @param rows the checks, in the order run
 * @param tolerance the largest difference that passes
 */
public record ParityReport(List<Row> rows, double tolerance) {
    static final String[] HEADER = {
        "check",
        "windows",
        "batch_size",
        "accel_max_abs_diff",
        "gyro_max_abs_diff",
        "embedding_max_abs_diff",
        "knn_agreement",
        "knn_undecided",
        "tolerance",
        "passed"
    };

    /** Copies {@code rows}. */
    public ParityReport {
        rows = List.copyOf(rows);
    }

    /**
     * One check.
     *
     * @param check the check's name
     * @param windows windows compared
     * @param batchSize windows per forward pass
     * @param accelMaxAbsDiff largest absolute difference of {@code accel_embedding}
     * @param gyroMaxAbsDiff largest absolute difference of {@code gyro_embedding}
     * @param embeddingMaxAbsDiff largest absolute difference of {@code embedding}
     * @param knnAgreement fraction of equal KNN predictions, NaN where not measured
     * @param knnDisagreements windows whose KNN predictions differ
     * @param knnUndecided of those, the windows whose neighbour set is undetermined at the measured
     *     precision: the k-th and (k+1)-th nearest references lie within the distance bound of the
     *     embedding difference on at least one side
     */
    public record Row(
            String check,
            int windows,
            int batchSize,
            double accelMaxAbsDiff,
            double gyroMaxAbsDiff,
            double embeddingMaxAbsDiff,
            double knnAgreement,
            int knnDisagreements,
            int knnUndecided) {

        /** The largest of the three differences. */
        public double maxAbsDiff() {
            return Math.max(accelMaxAbsDiff, Math.max(gyroMaxAbsDiff, embeddingMaxAbsDiff));
        }

        /** A check without a KNN comparison. */
        public Row(
                String check,
                int windows,
                int batchSize,
                double accelMaxAbsDiff,
                double gyroMaxAbsDiff,
                double embeddingMaxAbsDiff) {
            this(
                    check,
                    windows,
                    batchSize,
                    accelMaxAbsDiff,
                    gyroMaxAbsDiff,
                    embeddingMaxAbsDiff,
                    Double.NaN,
                    0,
                    0);
        }

        /**
         * Whether every difference is within {@code tolerance} and KNN, if measured, agrees on
         * every window whose neighbours are determined at the measured precision.
         */
        public boolean passed(double tolerance) {
            if (!(maxAbsDiff() <= tolerance)) {
                return false;
            }
            if (Double.isNaN(knnAgreement)) {
                return true;
            }
            return knnAgreement > 0 && knnDisagreements == knnUndecided;
        }
    }

    /** Whether every check passed. */
    public boolean passed() {
        return rows.stream().allMatch(r -> r.passed(tolerance));
    }

    /** The largest difference over all checks. */
    public double maxAbsDiff() {
        return rows.stream().mapToDouble(Row::maxAbsDiff).max().orElse(0);
    }

    /** One line per check, for logs and error messages. */
    public String summary() {
        return rows.stream()
                .map(
                        r ->
                                String.format(
                                        Locale.ROOT,
                                        "%s (%d windows): max abs diff %.3e%s%s",
                                        r.check(),
                                        r.windows(),
                                        r.maxAbsDiff(),
                                        Double.isNaN(r.knnAgreement())
                                                ? ""
                                                : String.format(
                                                        Locale.ROOT,
                                                        ", KNN agreement %.2f %% (%d of %d"
                                                                + " differing windows undecided)",
                                                        100 * r.knnAgreement(),
                                                        r.knnUndecided(),
                                                        r.knnDisagreements()),
                                        r.passed(tolerance) ? "" : " FAILED"))
                .collect(Collectors.joining("; "));
    }

    /** Writes {@code parity.csv} to a temporary name beside {@code file}, then moves it there. */
    public void write(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    CSVPrinter csv =
                            CSVFormat.DEFAULT
                                    .builder()
                                    .setHeader(HEADER)
                                    .setRecordSeparator('\n')
                                    .get()
                                    .print(writer)) {
                for (Row r : rows) {
                    csv.printRecord(
                            r.check(),
                            r.windows(),
                            r.batchSize(),
                            scientific(r.accelMaxAbsDiff()),
                            scientific(r.gyroMaxAbsDiff()),
                            scientific(r.embeddingMaxAbsDiff()),
                            Double.isNaN(r.knnAgreement())
                                    ? ""
                                    : String.format(Locale.ROOT, "%.6f", r.knnAgreement()),
                            Double.isNaN(r.knnAgreement()) ? "" : r.knnUndecided(),
                            scientific(tolerance),
                            r.passed(tolerance));
                }
            }
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // The move either happened or the original error is already on its way.
            }
        }
    }

    private static String scientific(double value) {
        return String.format(Locale.ROOT, "%.3e", value);
    }
}
