package org.cagekit.data;

import java.util.Objects;

/**
 * Per-channel standardisation {@code z = (x - mean) / std} with the train split's mean and
 * population standard deviation (divisor n, not n - 1).
 *
 * <p>A channel that is constant on the train split has std 0; it is mapped to 0 in every split
 * instead of dividing by zero. {@link #accelScale()} and {@link #gyroScale()} give the factor
 * {@code 1 / std} (0 for a constant channel) that an exported graph multiplies by.
 */
public final class Normalisation {
    private final float[] accelMean;
    private final float[] accelStd;
    private final float[] gyroMean;
    private final float[] gyroStd;

    public Normalisation(float[] accelMean, float[] accelStd, float[] gyroMean, float[] gyroStd) {
        this.accelMean = Objects.requireNonNull(accelMean, "accelMean").clone();
        this.accelStd = Objects.requireNonNull(accelStd, "accelStd").clone();
        this.gyroMean = Objects.requireNonNull(gyroMean, "gyroMean").clone();
        this.gyroStd = Objects.requireNonNull(gyroStd, "gyroStd").clone();
        if (accelMean.length != accelStd.length || gyroMean.length != gyroStd.length) {
            throw new IllegalArgumentException("mean and std differ in channel count");
        }
    }

    public float[] accelMean() {
        return accelMean.clone();
    }

    public float[] accelStd() {
        return accelStd.clone();
    }

    public float[] gyroMean() {
        return gyroMean.clone();
    }

    public float[] gyroStd() {
        return gyroStd.clone();
    }

    /** {@code 1 / std} per accelerometer channel, 0 where std is 0. */
    public float[] accelScale() {
        return scale(accelStd);
    }

    /** {@code 1 / std} per gyroscope channel, 0 where std is 0. */
    public float[] gyroScale() {
        return scale(gyroStd);
    }

    /**
     * Standardises a flat {@code [n][channels][length]} array in place.
     *
     * @param values the array to change
     * @param mean per-channel mean
     * @param std per-channel standard deviation
     * @param length samples per window
     */
    public static void apply(float[] values, float[] mean, float[] std, int length) {
        int channels = mean.length;
        float[] scale = scale(std);
        int windowSize = channels * length;
        for (int offset = 0; offset < values.length; offset += windowSize) {
            for (int c = 0; c < channels; c++) {
                int from = offset + c * length;
                float m = mean[c];
                float s = scale[c];
                for (int t = from; t < from + length; t++) {
                    values[t] = (values[t] - m) * s;
                }
            }
        }
    }

    private static float[] scale(float[] std) {
        float[] scale = new float[std.length];
        for (int c = 0; c < std.length; c++) {
            scale[c] = std[c] == 0f ? 0f : 1f / std[c];
        }
        return scale;
    }
}
