package org.cagekit.data;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The datasets cagekit can read. */
public final class Datasets {
    private static final List<Dataset> ALL = List.of(new HaptDataset(), new MhealthDataset());

    private Datasets() {}

    /** Every known dataset, in the order {@code cagekit datasets} lists them. */
    public static List<Dataset> all() {
        return ALL;
    }

    /** The known dataset names, comma-separated. */
    public static String names() {
        return ALL.stream().map(Dataset::name).collect(Collectors.joining(", "));
    }

    /**
     * The dataset with the given name (any case).
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public static Dataset byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Dataset d : ALL) {
            if (d.name().equals(wanted)) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "unknown dataset '" + name + "': known datasets are " + names());
    }
}
