package org.cagekit.eval;

import java.util.Locale;

/**
 * How far apart two embeddings are, as scikit-learn's {@code metric} parameter defines it.
 *
 * <ul>
 *   <li>{@link #COSINE}: {@code d(q, r) = 1 - q.r / (|q| |r|)}, clipped to [0, 2]. A zero vector is
 *       taken as it is (its norm counts as 1), so its cosine with anything is 0 and its distance 1.
 *   <li>{@link #EUCLIDEAN}: {@code d(q, r) = sqrt(sum_i (q_i - r_i)^2)}.
 * </ul>
 */
public enum DistanceMetric {
    COSINE("cosine"),
    EUCLIDEAN("euclidean");

    private final String cliName;

    DistanceMetric(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in reports: {@code cosine} or {@code euclidean}. */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses a metric name.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static DistanceMetric parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (DistanceMetric metric : values()) {
            if (metric.cliName.equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException(
                "unknown distance metric '" + text + "': expected cosine or euclidean");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
