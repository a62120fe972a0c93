package org.cagekit.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy and per-class precision, recall and F1 with their macro and weighted averages, as
 * scikit-learn's {@code accuracy_score} and {@code precision_recall_fscore_support(...,
 * zero_division=0)} define them.
 *
 * <p>For class c with tp true positives, fp false positives and fn false negatives: precision = tp
 * / (tp + fp), recall = tp / (tp + fn), F1 = 2 precision recall / (precision + recall); a zero
 * denominator gives 0. The classes are the sorted union of true and predicted labels, so a class
 * that is only ever predicted enters with recall 0 and support 0. Macro averages are plain means
 * over the classes; weighted averages weight each class by its support (its number of true
 * samples). Accuracy is the fraction of samples whose prediction equals the truth.
 */
public final class ClassificationMetrics {
    /** Scores of one class. */
    public record ClassScore(int label, double precision, double recall, double f1, long support) {}

    /** An average over the classes. */
    public record Average(double precision, double recall, double f1) {}

    private final ConfusionMatrix confusion;
    private final List<ClassScore> perClass;
    private final double accuracy;
    private final Average macro;
    private final Average weighted;

    private ClassificationMetrics(ConfusionMatrix confusion) {
        this.confusion = confusion;
        int[] labels = confusion.labels();
        List<ClassScore> scores = new ArrayList<>();
        double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
        long total = confusion.total();
        for (int c = 0; c < labels.length; c++) {
            long tp = confusion.count(c, c);
            long predicted = confusion.columnTotal(c);
            long support = confusion.rowTotal(c);
            double precision = ratio(tp, predicted);
            double recall = ratio(tp, support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new ClassScore(labels[c], precision, recall, f1, support));
            mp += precision;
            mr += recall;
            mf += f1;
            wp += precision * support;
            wr += recall * support;
            wf += f1 * support;
        }
        int n = labels.length;
        this.perClass = List.copyOf(scores);
        this.accuracy = ratio(confusion.trace(), total);
        this.macro = n == 0 ? new Average(0, 0, 0) : new Average(mp / n, mr / n, mf / n);
        this.weighted =
                total == 0 ? new Average(0, 0, 0) : new Average(wp / total, wr / total, wf / total);
    }

    /**
     * Scores predictions against the truth.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static ClassificationMetrics of(int[] truth, int[] predicted) {
        return new ClassificationMetrics(ConfusionMatrix.of(truth, predicted));
    }

    /** The confusion matrix behind the scores. */
    public ConfusionMatrix confusion() {
        return confusion;
    }

    /** Correct predictions over all predictions; 0 for no samples. */
    public double accuracy() {
        return accuracy;
    }

    /** One entry per class of {@link ConfusionMatrix#labels()}, in that order. */
    public List<ClassScore> perClass() {
        return perClass;
    }

    public Average macro() {
        return macro;
    }

    public Average weighted() {
        return weighted;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
