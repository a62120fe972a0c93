package org.cagekit.loss;

import java.util.Objects;

/** Makes the {@link ContrastiveLoss} a {@link LossSpec} describes. */
public final class LossFactory {
    private LossFactory() {}

    /**
     * Creates a loss.
     *
     * @param spec the loss settings
     * @param seed the run's seed, for losses that draw random numbers (random triplet mining)
     * @return a new loss; losses keep per-run state, so every run needs its own
     * @throws IllegalArgumentException when the spec names a loss this build cannot make
     */
    public static ContrastiveLoss create(LossSpec spec, long seed) {
        Objects.requireNonNull(spec, "spec");
        switch (spec.loss()) {
            case LossSpec.NTXENT:
                return new NtXentLoss(spec);
            case LossSpec.TRIPLET:
                return new TripletLoss(spec, seed);
            case LossSpec.COMBINED:
                return new CombinedLoss(spec, seed);
            default:
                throw new IllegalArgumentException("unknown loss '" + spec.loss() + "'");
        }
    }
}
