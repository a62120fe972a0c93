package org.cagekit.data;

import java.util.Locale;

/** The three subject-disjoint parts of a protocol's windows. */
public enum Split {
    TRAIN("train"),
    VALIDATION("val"),
    TEST("test");

    private final String shortName;

    Split(String shortName) {
        this.shortName = shortName;
    }

    /**
     * The name used in file names and on the command line: {@code train}, {@code val}, {@code
     * test}.
     */
    public String shortName() {
        return shortName;
    }

    /**
     * Parses a split name as a user types it.
     *
     * @param text {@code train}, {@code val}, {@code validation} or {@code test}, any case
     * @return the split
     * @throws IllegalArgumentException naming the accepted names when {@code text} is none of them
     */
    public static Split parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "train":
                return TRAIN;
            case "val":
            case "validation":
                return VALIDATION;
            case "test":
                return TEST;
            default:
                throw new IllegalArgumentException(
                        "unknown split '" + text + "': expected train, val or test");
        }
    }
}
