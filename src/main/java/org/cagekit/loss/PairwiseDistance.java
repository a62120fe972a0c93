package org.cagekit.loss;

import ai.djl.ndarray.NDArray;

/**
 * Pairwise distances between unit-norm embeddings, for every {@link LossSpec.Distance}: all pairs
 * of rows of {@code x [N, d]} and {@code y [M, d]} as a {@code [N, M]} matrix, computed from the
 * cosine similarity {@code s = x · y}.
 *
 * <ul>
 *   <li>{@link LossSpec.Distance#COSINE}: {@code 1 - s}, in {@code [0, 2]}.
 *   <li>{@link LossSpec.Distance#SQUARED_EUCLIDEAN}: {@code ||x - y||² = max(2 - 2s, 0)}, in {@code
 *       [0, 4]}.
 *   <li>{@link LossSpec.Distance#EUCLIDEAN}: {@code sqrt(max(2 - 2s, ε))} with {@code ε =} {@link
 *       #SQRT_FLOOR}, in {@code [0, 2]}.
 * </ul>
 *
 * <p>The floor under the square root is what keeps identical embeddings trainable: the derivative
 * of {@code sqrt(u)} is {@code 1 / (2 sqrt(u))}, infinite at {@code u = 0}, and multiplied by the
 * zero derivative of {@code ||x - y||²} it turns into NaN. Below the floor the clamp passes no
 * gradient, above it the derivative is at most {@code 1 / (2 sqrt(ε))}. The floor shifts a zero
 * distance to {@code sqrt(ε) = 1e-6}, the same for positive and negative, so a triplet of identical
 * embeddings still costs exactly the margin.
 *
 * <p>The formulas assume unit-norm rows; {@link TripletLoss} normalises its inputs first. A margin
 * means different things for the three distances: 0.2 in cosine distance is 0.4 in squared
 * Euclidean distance.
 */
public final class PairwiseDistance {
    /** The smallest squared distance whose square root the Euclidean distance takes. */
    public static final float SQRT_FLOOR = 1e-12f;

    private PairwiseDistance() {}

    /**
     * All pairwise distances between the rows of two unit-norm matrices.
     *
     * @param distance which distance
     * @param x {@code [N, d]}, rows of unit norm
     * @param y {@code [M, d]}, rows of unit norm
     * @return {@code [N, M]}, differentiable with respect to both inputs
     */
    public static NDArray of(LossSpec.Distance distance, NDArray x, NDArray y) {
        NDArray similarity = x.matMul(y.transpose());
        switch (distance) {
            case COSINE:
                return similarity.neg().add(1f);
            case SQUARED_EUCLIDEAN:
                return squared(similarity);
            case EUCLIDEAN:
                return squared(similarity).maximum(SQRT_FLOOR).sqrt();
            default:
                throw new IllegalStateException("distance " + distance + " has no formula");
        }
    }

    /**
     * The distance that corresponds to a given cosine distance between unit vectors: {@code c} for
     * cosine, {@code 2c} for squared Euclidean, {@code sqrt(2c)} for Euclidean.
     */
    public static float fromCosine(LossSpec.Distance distance, float cosineDistance) {
        switch (distance) {
            case COSINE:
                return cosineDistance;
            case SQUARED_EUCLIDEAN:
                return 2f * cosineDistance;
            case EUCLIDEAN:
                return (float) Math.sqrt(2.0 * cosineDistance);
            default:
                throw new IllegalStateException("distance " + distance + " has no formula");
        }
    }

    private static NDArray squared(NDArray similarity) {
        // Rounding can push 2 - 2s of identical rows a few ulps below zero.
        return similarity.mul(-2f).add(2f).maximum(0f);
    }
}
