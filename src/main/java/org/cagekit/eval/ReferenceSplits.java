package org.cagekit.eval;

import java.util.List;
import java.util.Locale;
import org.cagekit.data.Split;

/** Which splits supply the labelled reference embeddings that queries are compared with. */
public enum ReferenceSplits {
    /** The train split only: validation and test are both unseen. */
    TRAIN("train", List.of(Split.TRAIN)),
    /**
     * Train and validation together, for a final test figure. The validation windows are then
     * references themselves, so validation figures no longer measure generalisation.
     */
    TRAIN_AND_VAL("train+val", List.of(Split.TRAIN, Split.VALIDATION));

    private final String cliName;
    private final List<Split> splits;

    ReferenceSplits(String cliName, List<Split> splits) {
        this.cliName = cliName;
        this.splits = splits;
    }

    /** {@code train} or {@code train+val}. */
    public String cliName() {
        return cliName;
    }

    /** The splits, in the order their windows are concatenated. */
    public List<Split> splits() {
        return splits;
    }

    /**
     * Parses {@code train} or {@code train+val}.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static ReferenceSplits parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (ReferenceSplits r : values()) {
            if (r.cliName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "unknown reference splits '" + text + "': expected train or train+val");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
