package org.cagekit.eval;

/**
 * The embeddings of a set of windows, one row per window in the set's order.
 *
 * @param accel {@code [n][d]} accelerometer embeddings (unit length when the model normalises)
 * @param gyro {@code [n][d]} gyroscope embeddings
 * @param joint {@code [n][2d]} the concatenation {@code [accel, gyro]}, the feature that
 *     classification uses
 */
public record EncodedWindows(float[][] accel, float[][] gyro, float[][] joint) {
    /** The number of windows. */
    public int size() {
        return joint.length;
    }

    /** Embedding size of one modality, {@code d}. */
    public int dim() {
        return accel.length == 0 ? 0 : accel[0].length;
    }
}
