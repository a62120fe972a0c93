package org.cagekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Cross-modal top-1 accuracy: the fraction of a batch's accelerometer embeddings whose most similar
 * gyroscope embedding, among the batch's, is the one of the same window.
 *
 * <p>For unit-norm {@code A, G [N, d]}, row {@code i} is correct when {@code argmaxⱼ (A Gᵀ)ᵢⱼ = i}.
 * The temperature does not matter, as it scales a row without reordering it. Ties go to the lowest
 * index, so a batch of identical embeddings scores {@code 1/N} (only row 0). Chance level is {@code
 * 1/N}, so the figure is comparable only between runs with the same batch size.
 */
public final class CrossModalAccuracy {
    private CrossModalAccuracy() {}

    /**
     * Counts the correct rows.
     *
     * @param accel accelerometer embeddings {@code [N, d]}
     * @param gyro gyroscope embeddings {@code [N, d]}
     * @return the number of rows whose largest similarity is on the diagonal, as an int64 scalar
     */
    public static NDArray correct(NDArray accel, NDArray gyro) {
        long n = accel.getShape().get(0);
        NDArray best = accel.matMul(gyro.transpose()).argMax(1);
        NDArray diagonal = accel.getManager().arange(0, n, 1, DataType.INT64);
        return best.eq(diagonal).toType(DataType.INT64, false).sum();
    }
}
