package org.cagekit.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled fixed-length windows of one split, with the accelerometer and gyroscope channels kept
 * apart because they feed two separate encoders.
 *
 * <p>Signals are stored flat in row-major {@code [window][channel][time]} order (the NCW layout of
 * a 1-D convolution), so window {@code i} of the accelerometer occupies {@code accel[i *
 * accelChannels * length, (i + 1) * accelChannels * length)}. Arrays are not copied on
 * construction; callers must not change them afterwards.
 */
public final class WindowSet {
    private final int accelChannels;
    private final int gyroChannels;
    private final int length;
    private final float[] accel;
    private final float[] gyro;
    private final int[] labels;
    private final int[] subjects;
    private final int[] starts;

    /**
     * @param accelChannels accelerometer channels per window
     * @param gyroChannels gyroscope channels per window
     * @param length samples per window
     * @param accel accelerometer values, {@code [n][accelChannels][length]}
     * @param gyro gyroscope values, {@code [n][gyroChannels][length]}
     * @param labels class id of each window
     * @param subjects subject (user) id of each window
     * @param starts index of each window's first sample within its recording
     */
    public WindowSet(
            int accelChannels,
            int gyroChannels,
            int length,
            float[] accel,
            float[] gyro,
            int[] labels,
            int[] subjects,
            int[] starts) {
        this.accelChannels = accelChannels;
        this.gyroChannels = gyroChannels;
        this.length = length;
        this.accel = Objects.requireNonNull(accel, "accel");
        this.gyro = Objects.requireNonNull(gyro, "gyro");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.starts = Objects.requireNonNull(starts, "starts");
        int n = labels.length;
        if (subjects.length != n || starts.length != n) {
            throw new IllegalArgumentException(
                    "labels, subjects and starts differ in length: "
                            + n
                            + ", "
                            + subjects.length
                            + ", "
                            + starts.length);
        }
        if (accel.length != (long) n * accelChannels * length
                || gyro.length != (long) n * gyroChannels * length) {
            throw new IllegalArgumentException(
                    "signal arrays do not hold "
                            + n
                            + " windows of "
                            + length
                            + " samples: accel "
                            + accel.length
                            + " values for "
                            + accelChannels
                            + " channels, gyro "
                            + gyro.length
                            + " values for "
                            + gyroChannels
                            + " channels");
        }
    }

    /** The number of windows. */
    public int size() {
        return labels.length;
    }

    public int accelChannels() {
        return accelChannels;
    }

    public int gyroChannels() {
        return gyroChannels;
    }

    /** Samples per window. */
    public int length() {
        return length;
    }

    /** The flat accelerometer array, {@code [n][accelChannels][length]}; not a copy. */
    public float[] accel() {
        return accel;
    }

    /** The flat gyroscope array, {@code [n][gyroChannels][length]}; not a copy. */
    public float[] gyro() {
        return gyro;
    }

    public int label(int window) {
        return labels[window];
    }

    public int subject(int window) {
        return subjects[window];
    }

    public int start(int window) {
        return starts[window];
    }

    /** Class ids of all windows; not a copy. */
    public int[] labels() {
        return labels;
    }

    /** Subject ids of all windows; not a copy. */
    public int[] subjects() {
        return subjects;
    }

    /** First-sample indices of all windows; not a copy. */
    public int[] starts() {
        return starts;
    }

    /**
     * Copies the accelerometer values of the given windows, in order, into {@code target}, which
     * must hold {@code windows.length * accelChannels * length} values.
     */
    public void copyAccel(int[] windows, float[] target) {
        copy(accel, accelChannels * length, windows, target);
    }

    /** As {@link #copyAccel} for the gyroscope. */
    public void copyGyro(int[] windows, float[] target) {
        copy(gyro, gyroChannels * length, windows, target);
    }

    /** The windows at the given positions, in that order, as a new set. */
    public WindowSet select(int[] windows) {
        float[] a = new float[windows.length * accelChannels * length];
        float[] g = new float[windows.length * gyroChannels * length];
        copyAccel(windows, a);
        copyGyro(windows, g);
        int[] l = new int[windows.length];
        int[] s = new int[windows.length];
        int[] st = new int[windows.length];
        for (int i = 0; i < windows.length; i++) {
            l[i] = labels[windows[i]];
            s[i] = subjects[windows[i]];
            st[i] = starts[windows[i]];
        }
        return new WindowSet(accelChannels, gyroChannels, length, a, g, l, s, st);
    }

    /** Number of windows of each class id, indexed by class id up to the largest present. */
    public int[] classCounts() {
        int max = Arrays.stream(labels).max().orElse(-1);
        int[] counts = new int[max + 1];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    private static void copy(float[] source, int stride, int[] windows, float[] target) {
        if (target.length != windows.length * stride) {
            throw new IllegalArgumentException(
                    "target holds "
                            + target.length
                            + " values, expected "
                            + windows.length * stride);
        }
        for (int i = 0; i < windows.length; i++) {
            System.arraycopy(source, windows[i] * stride, target, i * stride, stride);
        }
    }
}
