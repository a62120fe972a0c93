package org.cagekit.data;

/**
 * Where windows start in a recording.
 *
 * <p>Windows of {@code length} samples start at 0, s, 2s, ... for every start with {@code start +
 * length < n}, strictly: the sample after the last window always exists, which the {@link
 * LabelRule#AFTER} rule reads. A recording of {@code n} samples therefore holds {@code ceil((n -
 * length) / s)} windows when {@code n > length}, and none otherwise.
 */
public final class Windowing {
    private Windowing() {}

    /**
     * Window starts of a recording.
     *
     * @param n samples in the recording
     * @param length samples per window, at least 1
     * @param stride samples between starts, at least 1
     * @return the starts, ascending
     */
    public static int[] starts(int n, int length, int stride) {
        if (length < 1 || stride < 1) {
            throw new IllegalArgumentException(
                    "window length and stride must be at least 1, found "
                            + length
                            + " and "
                            + stride);
        }
        int count = n > length ? (n - length + stride - 1) / stride : 0;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = i * stride;
        }
        return starts;
    }
}
