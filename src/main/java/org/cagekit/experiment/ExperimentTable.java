package org.cagekit.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The results of an experiment reduced to one row per variant: the mean and the sample standard
 * deviation over seeds of each score, the test confusion matrices summed over seeds, and which
 * variant is best in each score column.
 *
 * <p>Standard deviation: {@code sqrt(Σ (x - mean)² / (n - 1))}, 0 for a single seed. Best: the
 * highest mean; ties go to the earlier variant. Computing is kept apart from writing: {@link
 * SummaryWriter} turns a table into files.
 */
public final class ExperimentTable {
    /** A per-run figure and how it is named in {@code summary.csv}. */
    public enum Column {
        VAL_ACCURACY("val_accuracy", "val accuracy", true, r -> r.validation().accuracy()),
        VAL_WEIGHTED_F1(
                "val_weighted_f1", "val weighted F1", true, r -> r.validation().weightedF1()),
        VAL_MACRO_F1("val_macro_f1", "val macro F1", true, r -> r.validation().macroF1()),
        TEST_ACCURACY("test_accuracy", "test accuracy", true, r -> r.test().accuracy()),
        TEST_WEIGHTED_F1("test_weighted_f1", "test weighted F1", true, r -> r.test().weightedF1()),
        TEST_MACRO_F1("test_macro_f1", "test macro F1", true, r -> r.test().macroF1()),
        EPOCHS("epochs", "epochs", false, r -> r.epochs()),
        TRAIN_SECONDS("train_seconds", "train s", false, RunResult::trainSeconds);

        private final String csvName;
        private final String title;
        private final boolean score;
        private final ToDoubleFunction<RunResult> value;

        Column(String csvName, String title, boolean score, ToDoubleFunction<RunResult> value) {
            this.csvName = csvName;
            this.title = title;
            this.score = score;
            this.value = value;
        }

        /** The header of the column in {@code summary.csv}. */
        public String csvName() {
            return csvName;
        }

        /** The header of the column in {@code summary.md}. */
        public String title() {
            return title;
        }

        /** Whether higher is better and the best value is marked. */
        public boolean score() {
            return score;
        }

        /** The figure of one run. */
        public double of(RunResult result) {
            return value.applyAsDouble(result);
        }
    }

    /**
     * One variant's line.
     *
     * @param variant the variant
     * @param runs its runs, in seed order
     * @param mean mean over the runs of each {@link Column}, by ordinal; NaN without runs
     * @param std sample standard deviation of each column
     * @param testConfusion the test confusion matrices of all runs added up; {@code null} without
     *     runs
     * @param classIds the classes of the confusion matrix's rows and columns
     */
    public record Row(
            Variant variant,
            List<RunResult> runs,
            double[] mean,
            double[] std,
            long[][] testConfusion,
            int[] classIds) {}

    private final List<Row> rows;
    private final Map<Column, Integer> best;

    private ExperimentTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
        Map<Column, Integer> b = new LinkedHashMap<>();
        for (Column c : Column.values()) {
            if (!c.score()) {
                continue;
            }
            int index = -1;
            for (int r = 0; r < rows.size(); r++) {
                double m = rows.get(r).mean()[c.ordinal()];
                if (!Double.isNaN(m) && (index < 0 || m > rows.get(index).mean()[c.ordinal()])) {
                    index = r;
                }
            }
            if (index >= 0) {
                b.put(c, index);
            }
        }
        this.best = b;
    }

    /**
     * Groups results by variant, in the variants' order.
     *
     * @throws IllegalArgumentException when a result names a variant not in the list, or two
     *     confusion matrices of one variant cover different classes
     */
    public static ExperimentTable of(List<Variant> variants, List<RunResult> results) {
        Map<String, List<RunResult>> byVariant = new LinkedHashMap<>();
        for (Variant v : variants) {
            byVariant.put(v.name(), new ArrayList<>());
        }
        for (RunResult r : results) {
            List<RunResult> list = byVariant.get(r.variant());
            if (list == null) {
                throw new IllegalArgumentException(
                        "result of variant '" + r.variant() + "' is not in " + byVariant.keySet());
            }
            list.add(r);
        }
        List<Row> rows = new ArrayList<>();
        for (Variant v : variants) {
            rows.add(row(v, byVariant.get(v.name())));
        }
        return new ExperimentTable(rows);
    }

    private static Row row(Variant variant, List<RunResult> runs) {
        int columns = Column.values().length;
        double[] mean = new double[columns];
        double[] std = new double[columns];
        for (Column c : Column.values()) {
            double[] values = runs.stream().mapToDouble(c::of).toArray();
            mean[c.ordinal()] = mean(values);
            std[c.ordinal()] = std(values);
        }
        long[][] confusion = null;
        int[] classIds = new int[0];
        for (RunResult r : runs) {
            SplitScores test = r.test();
            if (confusion == null) {
                classIds = test.classIds().clone();
                confusion = new long[classIds.length][classIds.length];
            } else if (!java.util.Arrays.equals(classIds, test.classIds())) {
                throw new IllegalArgumentException(
                        "variant "
                                + variant.name()
                                + ": seed "
                                + r.seed()
                                + " has classes "
                                + java.util.Arrays.toString(test.classIds())
                                + ", another seed "
                                + java.util.Arrays.toString(classIds));
            }
            for (int t = 0; t < classIds.length; t++) {
                for (int p = 0; p < classIds.length; p++) {
                    confusion[t][p] += test.confusion()[t][p];
                }
            }
        }
        return new Row(variant, List.copyOf(runs), mean, std, confusion, classIds);
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double std(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        if (values.length == 1) {
            return 0;
        }
        double m = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - m) * (v - m);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /** The rows, one per variant, in the variants' order. */
    public List<Row> rows() {
        return rows;
    }

    /** Whether row {@code r} holds the best mean of a score column. */
    public boolean isBest(int r, Column column) {
        Integer b = best.get(column);
        return b != null && b == r;
    }

    /** The untrained variant's row, or {@code null} when the experiment has none. */
    public Row untrained() {
        for (Row r : rows) {
            if (!r.variant().trained()) {
                return r;
            }
        }
        return null;
    }

    /**
     * The trained label-free row with the highest mean test accuracy; {@code null} when there is
     * none with results.
     */
    public Row bestLabelFree() {
        Row best = null;
        for (Row r : rows) {
            double m = r.mean()[Column.TEST_ACCURACY.ordinal()];
            if (r.variant().trained()
                    && !r.variant().supervised()
                    && !Double.isNaN(m)
                    && (best == null || m > best.mean()[Column.TEST_ACCURACY.ordinal()])) {
                best = r;
            }
        }
        return best;
    }
}
