package org.cagekit.loss;

/**
 * The triplets {@link TripletMiner} chose from one batch, as parallel index arrays into the
 * candidate matrices of {@link TripletCandidates}, with counts for the training history.
 *
 * @param anchor anchor index of each chosen triplet
 * @param positive positive candidate index of each chosen triplet
 * @param negative negative candidate index of each chosen triplet
 * @param validTriplets how many triplets the miner considered valid: one per anchor-positive pair
 *     that has a negative, or, for batch-all, every (anchor, positive, negative) combination
 * @param activeTriplets how many valid triplets had {@code d(a,p) - d(a,n) + margin > 0}
 * @param fallbacks how many anchor-positive pairs had no semi-hard negative and used the fallback
 * @param distanceSpread the largest, over the anchors that have a valid triplet, of the difference
 *     between the farthest and the closest of the anchor's candidates (its positives and negatives
 *     together); {@code NaN} when no anchor has a valid triplet. Near 0 the batch cannot tell a
 *     positive from a negative anywhere: the embeddings have collapsed.
 */
public record MinedTriplets(
        int[] anchor,
        int[] positive,
        int[] negative,
        int validTriplets,
        int activeTriplets,
        int fallbacks,
        float distanceSpread) {

    /** The number of triplets the loss is averaged over. */
    public int size() {
        return anchor.length;
    }

    /** {@code activeTriplets / validTriplets}, or 0 when no triplet is valid. */
    public float activeFraction() {
        return validTriplets == 0 ? 0f : (float) activeTriplets / validTriplets;
    }
}
