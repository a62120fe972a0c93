package org.cagekit.eval;

import java.util.Locale;

/**
 * How the k nearest neighbours vote, as scikit-learn's {@code weights} parameter defines it.
 *
 * <ul>
 *   <li>{@link #UNIFORM}: every neighbour has weight 1.
 *   <li>{@link #DISTANCE}: a neighbour at distance {@code d} has weight {@code 1 / d}; when any of
 *       the k neighbours is at distance exactly 0, those neighbours alone vote, each with weight 1.
 * </ul>
 *
 * In both cases the class with the largest total weight wins, and a tie between classes goes to the
 * smallest class id.
 */
public enum VoteWeights {
    UNIFORM("uniform"),
    DISTANCE("distance");

    private final String cliName;

    VoteWeights(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in reports: {@code uniform} or {@code distance}. */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses a weighting name.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static VoteWeights parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (VoteWeights weights : values()) {
            if (weights.cliName.equals(name)) {
                return weights;
            }
        }
        throw new IllegalArgumentException(
                "unknown vote weighting '" + text + "': expected uniform or distance");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
