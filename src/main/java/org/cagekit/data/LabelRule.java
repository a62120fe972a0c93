package org.cagekit.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a window of per-sample labels becomes one class id.
 *
 * <p>For a window of {@code length} samples starting at {@code start}:
 *
 * <ul>
 *   <li>{@link #AFTER} ({@code after}): the label of sample {@code start + length}, the first
 *       sample after the window. This is the rule of the reference study; window starts satisfy
 *       {@code start + length < n}, so that sample always exists.
 *   <li>{@link #LAST} ({@code last}): the label of sample {@code start + length - 1}.
 *   <li>{@link #MAJORITY} ({@code majority}): the most frequent label in the window; a tie goes to
 *       the smallest class id among the tied ones (so null wins a tie).
 *   <li>{@link #PURE} ({@code pure}): the label shared by every sample of the window; a window with
 *       mixed labels is dropped.
 * </ul>
 */
public enum LabelRule {
    AFTER("after"),
    LAST("last"),
    MAJORITY("majority"),
    PURE("pure");

    /** Returned by {@link #label} for a window the rule drops. */
    public static final int DROPPED = -1;

    private final String text;

    LabelRule(String text) {
        this.text = text;
    }

    /** The name on the command line and in protocol parameters. */
    public String text() {
        return text;
    }

    /**
     * The class of a window.
     *
     * @param labels per-sample class ids of the recording
     * @param start first sample of the window
     * @param length samples per window
     * @return the class id, or {@link #DROPPED}
     */
    public int label(int[] labels, int start, int length) {
        switch (this) {
            case AFTER:
                return labels[start + length];
            case LAST:
                return labels[start + length - 1];
            case PURE:
                int first = labels[start];
                for (int t = start + 1; t < start + length; t++) {
                    if (labels[t] != first) {
                        return DROPPED;
                    }
                }
                return first;
            case MAJORITY:
                int max = 0;
                for (int t = start; t < start + length; t++) {
                    max = Math.max(max, labels[t]);
                }
                int[] counts = new int[max + 1];
                for (int t = start; t < start + length; t++) {
                    counts[labels[t]]++;
                }
                int best = 0;
                for (int c = 1; c <= max; c++) {
                    if (counts[c] > counts[best]) {
                        best = c;
                    }
                }
                return best;
            default:
                throw new IllegalStateException("label rule " + this + " has no definition");
        }
    }

    /**
     * Parses a rule name.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static LabelRule parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (LabelRule rule : values()) {
            if (rule.text.equals(wanted)) {
                return rule;
            }
        }
        throw new IllegalArgumentException(
                "unknown label rule '"
                        + text
                        + "': known rules are "
                        + Arrays.stream(values())
                                .map(LabelRule::text)
                                .collect(Collectors.joining(", ")));
    }
}
