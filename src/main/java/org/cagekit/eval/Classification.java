package org.cagekit.eval;

/**
 * The outcome of a nearest-neighbour vote for each query.
 *
 * @param labels the winning class id of each query
 * @param voteShare the winner's share of the total vote weight, in (0, 1]: for uniform weights the
 *     fraction of the k neighbours that belong to the winning class; for distance weights the
 *     winner's sum of {@code 1 / d} over the sum for all k neighbours (scikit-learn's {@code
 *     predict_proba} of the predicted class)
 * @param neighbours the k nearest references behind the vote
 */
public record Classification(int[] labels, double[] voteShare, Neighbours neighbours) {
    /** The number of queries classified. */
    public int size() {
        return labels.length;
    }
}
