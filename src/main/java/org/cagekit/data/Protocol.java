package org.cagekit.data;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A named, documented chain of preparation steps with their defaults. Every step can be changed
 * through {@link ProtocolOptions}.
 *
 * <ol>
 *   <li>Low-pass Butterworth filter, order 3, cut-off 20 Hz, causal, along time per channel per
 *       recording ({@link LowPassFilter}).
 *   <li>Windows of 128 samples, layout {@code [channel][time]}, starting at 0, s, 2s, ... while
 *       {@code start + 128 < n} (strictly); stride s = 64 on the train split and 128 on the
 *       validation and test splits.
 *   <li>Window label by a {@link LabelRule}; windows whose label lies outside the protocol's
 *       classes are dropped.
 *   <li>Subject-disjoint splits.
 *   <li>Per-channel standardisation with the train split's mean and population standard deviation
 *       ({@link Normalisation}), applied to all splits.
 *   <li>Accelerometer and gyroscope channels kept as two separate model inputs.
 * </ol>
 *
 * <p>The named protocols:
 *
 * <ul>
 *   <li>{@code hapt-13}: HAPT, null and the 12 activities, label rule {@code after}; test users 2,
 *       4, 9, 10, 12, 13, 18, 20, 24; validation users 28, 29, 30; the other 18 users train.
 *   <li>{@code hapt-6}: HAPT, the six basic activities (1-6) only, label rule {@code pure} (windows
 *       lying entirely inside one segment, since no two HAPT segments of one activity touch), the
 *       same users.
 *   <li>{@code mhealth-13}: mHealth, null and 12 activities, rule {@code after}; subjects 1-8
 *       train, 9 validation, 10 test.
 *   <li>{@code mhealth-12}: as mhealth-13 with null windows dropped.
 * </ul>
 */
public final class Protocol {
    private static final List<Integer> HAPT_TEST = List.of(2, 4, 9, 10, 12, 13, 18, 20, 24);
    private static final List<Integer> HAPT_VAL = List.of(28, 29, 30);
    private static final List<Protocol> ALL =
            List.of(
                    new Protocol(
                            "hapt-13",
                            "hapt",
                            "HAPT, null + 12 activities and transitions",
                            range(0, 12),
                            LabelRule.AFTER,
                            HAPT_VAL,
                            HAPT_TEST),
                    new Protocol(
                            "hapt-6",
                            "hapt",
                            "HAPT, the six basic activities, windows inside one segment",
                            range(1, 6),
                            LabelRule.PURE,
                            HAPT_VAL,
                            HAPT_TEST),
                    new Protocol(
                            "mhealth-13",
                            "mhealth",
                            "mHealth, null + 12 activities",
                            range(0, 12),
                            LabelRule.AFTER,
                            List.of(9),
                            List.of(10)),
                    new Protocol(
                            "mhealth-12",
                            "mhealth",
                            "mHealth, 12 activities, null dropped",
                            range(1, 12),
                            LabelRule.AFTER,
                            List.of(9),
                            List.of(10)));

    /** Default filter order. */
    public static final int FILTER_ORDER = 3;

    /** Default filter cut-off. */
    public static final double CUTOFF_HZ = 20;

    /** Default window length in samples. */
    public static final int WINDOW_LENGTH = 128;

    /** Default stride of train windows. */
    public static final int TRAIN_STRIDE = 64;

    /** Default stride of validation and test windows. */
    public static final int EVAL_STRIDE = 128;

    private final String name;
    private final String dataset;
    private final String description;
    private final SortedSet<Integer> classes;
    private final LabelRule labelRule;
    private final List<Integer> valUsers;
    private final List<Integer> testUsers;

    private Protocol(
            String name,
            String dataset,
            String description,
            SortedSet<Integer> classes,
            LabelRule labelRule,
            List<Integer> valUsers,
            List<Integer> testUsers) {
        this.name = name;
        this.dataset = dataset;
        this.description = description;
        this.classes = classes;
        this.labelRule = labelRule;
        this.valUsers = valUsers;
        this.testUsers = testUsers;
    }

    private static SortedSet<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every named protocol, in the order {@code --help} lists them. */
    public static List<Protocol> all() {
        return ALL;
    }

    /** The known protocol names, comma-separated. */
    public static String names() {
        return ALL.stream().map(Protocol::name).collect(Collectors.joining(", "));
    }

    /**
     * The protocol with the given name (any case).
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public static Protocol byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Protocol p : ALL) {
            if (p.name.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown protocol '" + name + "': known protocols are " + names());
    }

    /** The default protocol of a dataset: the first one naming it. */
    public static Protocol defaultFor(String dataset) {
        for (Protocol p : ALL) {
            if (p.dataset.equals(dataset)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no protocol is defined for dataset " + dataset);
    }

    /** The name on the command line, for example {@code hapt-13}. */
    public String name() {
        return name;
    }

    /** The name of the dataset the protocol reads. */
    public String dataset() {
        return dataset;
    }

    /** One line for listings. */
    public String description() {
        return description;
    }

    /** The class ids kept by default. */
    public Set<Integer> classes() {
        return classes;
    }

    /** The default label rule. */
    public LabelRule labelRule() {
        return labelRule;
    }

    /** Default validation users. */
    public List<Integer> valUsers() {
        return valUsers;
    }

    /** Default test users. */
    public List<Integer> testUsers() {
        return testUsers;
    }
}
