package org.cagekit.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A protocol with every step's value fixed: the protocol's defaults overlaid by {@link
 * ProtocolOptions}. {@link #parameters()} lists them as text in a fixed order; {@link
 * ProtocolOptions#fromParameters} reads that text back.
 */
public final class ProtocolSettings {
    static final String FILTER_ORDER = "filter.order";
    static final String CUTOFF_HZ = "filter.cutoff_hz";
    static final String WINDOW_LENGTH = "window.length";
    static final String TRAIN_STRIDE = "window.stride.train";
    static final String EVAL_STRIDE = "window.stride.eval";
    static final String LABEL_RULE = "label.rule";
    static final String CLASSES = "classes";
    static final String TRAIN_USERS = "users.train";
    static final String VAL_USERS = "users.val";
    static final String TEST_USERS = "users.test";
    static final String STANDARDISE = "standardise";

    /** Every parameter name, in the order {@link #parameters()} gives them. */
    public static final List<String> NAMES =
            List.of(
                    FILTER_ORDER,
                    CUTOFF_HZ,
                    WINDOW_LENGTH,
                    TRAIN_STRIDE,
                    EVAL_STRIDE,
                    LABEL_RULE,
                    CLASSES,
                    TRAIN_USERS,
                    VAL_USERS,
                    TEST_USERS,
                    STANDARDISE);

    private final Protocol protocol;
    private final Dataset dataset;
    private final int filterOrder;
    private final double cutoffHz;
    private final int windowLength;
    private final int trainStride;
    private final int evalStride;
    private final LabelRule labelRule;
    private final SortedSet<Integer> classes;
    private final List<Integer> trainUsers;
    private final List<Integer> valUsers;
    private final List<Integer> testUsers;
    private final boolean standardise;

    private ProtocolSettings(ProtocolOptions o, Protocol protocol, Dataset dataset) {
        this.protocol = protocol;
        this.dataset = dataset;
        this.filterOrder = o.filterOrder() != null ? o.filterOrder() : Protocol.FILTER_ORDER;
        this.cutoffHz = o.cutoffHz() != null ? o.cutoffHz() : Protocol.CUTOFF_HZ;
        this.windowLength = o.windowLength() != null ? o.windowLength() : Protocol.WINDOW_LENGTH;
        this.trainStride = o.trainStride() != null ? o.trainStride() : Protocol.TRAIN_STRIDE;
        this.evalStride = o.evalStride() != null ? o.evalStride() : Protocol.EVAL_STRIDE;
        this.labelRule = o.labelRule() != null ? o.labelRule() : protocol.labelRule();
        this.classes =
                Collections.unmodifiableSortedSet(
                        new TreeSet<>(o.classes() != null ? o.classes() : protocol.classes()));
        this.valUsers = sorted(o.valUsers() != null ? o.valUsers() : protocol.valUsers());
        this.testUsers = sorted(o.testUsers() != null ? o.testUsers() : protocol.testUsers());
        if (o.trainUsers() != null) {
            this.trainUsers = sorted(o.trainUsers());
        } else {
            List<Integer> rest = new ArrayList<>(dataset.subjects());
            rest.removeAll(valUsers);
            rest.removeAll(testUsers);
            this.trainUsers = sorted(rest);
        }
        this.standardise = o.standardise() == null || o.standardise();
    }

    static ProtocolSettings resolve(ProtocolOptions o, Protocol protocol, Dataset dataset) {
        if (!protocol.dataset().equals(dataset.name())) {
            throw new IllegalArgumentException(
                    "protocol "
                            + protocol.name()
                            + " is for dataset "
                            + protocol.dataset()
                            + ", not "
                            + dataset.name());
        }
        ProtocolSettings s = new ProtocolSettings(o, protocol, dataset);
        s.check();
        return s;
    }

    private static List<Integer> sorted(List<Integer> users) {
        return List.copyOf(new TreeSet<>(users));
    }

    private void check() {
        if (filterOrder < 0) {
            throw new IllegalArgumentException(
                    FILTER_ORDER + " must be 0 (no filter) or more, found " + filterOrder);
        }
        if (filterOrder > 0) {
            new LowPassFilter(filterOrder, cutoffHz, dataset.samplingRateHz());
        }
        if (windowLength < 1) {
            throw new IllegalArgumentException(
                    WINDOW_LENGTH + " must be at least 1, found " + windowLength);
        }
        if (trainStride < 1 || evalStride < 1) {
            throw new IllegalArgumentException(
                    "window strides must be at least 1, found train "
                            + trainStride
                            + ", eval "
                            + evalStride);
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException(CLASSES + " must name at least one class");
        }
        if (trainUsers.isEmpty()) {
            throw new IllegalArgumentException(
                    "the train split has no users; the normalisation needs at least one");
        }
        Set<Integer> known = new HashSet<>(dataset.subjects());
        Map<String, List<Integer>> splits = new LinkedHashMap<>();
        splits.put("train", trainUsers);
        splits.put("val", valUsers);
        splits.put("test", testUsers);
        Map<Integer, String> owner = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : splits.entrySet()) {
            for (int user : e.getValue()) {
                if (!known.contains(user)) {
                    throw new IllegalArgumentException(
                            e.getKey()
                                    + " user "
                                    + user
                                    + " is not a subject of "
                                    + dataset.name()
                                    + " (subjects "
                                    + dataset.subjects().get(0)
                                    + "-"
                                    + dataset.subjects().get(dataset.subjects().size() - 1)
                                    + ")");
                }
                String previous = owner.put(user, e.getKey());
                if (previous != null) {
                    throw new IllegalArgumentException(
                            "user "
                                    + user
                                    + " is in both the "
                                    + previous
                                    + " and the "
                                    + e.getKey()
                                    + " split; splits must be subject-disjoint");
                }
            }
        }
    }

    /** The named protocol these settings refine. */
    public Protocol protocol() {
        return protocol;
    }

    /** The dataset the protocol reads. */
    public Dataset dataset() {
        return dataset;
    }

    /** Filter order, 0 for no filter. */
    public int filterOrder() {
        return filterOrder;
    }

    /** Filter cut-off in Hz. */
    public double cutoffHz() {
        return cutoffHz;
    }

    /** Samples per window. */
    public int windowLength() {
        return windowLength;
    }

    /** Stride of the train windows. */
    public int trainStride() {
        return trainStride;
    }

    /** Stride of the validation and test windows. */
    public int evalStride() {
        return evalStride;
    }

    /** The stride used for one split. */
    public int stride(Split split) {
        return split == Split.TRAIN ? trainStride : evalStride;
    }

    /** How windows get their label. */
    public LabelRule labelRule() {
        return labelRule;
    }

    /** The class ids kept, ascending. */
    public SortedSet<Integer> classes() {
        return classes;
    }

    /** The users of one split, ascending. */
    public List<Integer> users(Split split) {
        switch (split) {
            case TRAIN:
                return trainUsers;
            case VALIDATION:
                return valUsers;
            case TEST:
                return testUsers;
            default:
                throw new IllegalStateException("no users for split " + split);
        }
    }

    /** The split a user belongs to, or null for a user outside every split. */
    public Split splitOf(int user) {
        for (Split split : Split.values()) {
            if (users(split).contains(user)) {
                return split;
            }
        }
        return null;
    }

    /** Users of all splits. */
    public Set<Integer> allUsers() {
        Set<Integer> all = new TreeSet<>();
        for (Split split : Split.values()) {
            all.addAll(users(split));
        }
        return all;
    }

    /** Whether the windows are standardised with the train statistics. */
    public boolean standardise() {
        return standardise;
    }

    /** Every parameter as text, in the fixed order of {@link #NAMES}. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(FILTER_ORDER, Integer.toString(filterOrder));
        p.put(CUTOFF_HZ, BigDecimal.valueOf(cutoffHz).stripTrailingZeros().toPlainString());
        p.put(WINDOW_LENGTH, Integer.toString(windowLength));
        p.put(TRAIN_STRIDE, Integer.toString(trainStride));
        p.put(EVAL_STRIDE, Integer.toString(evalStride));
        p.put(LABEL_RULE, labelRule.text());
        p.put(CLASSES, join(classes));
        p.put(TRAIN_USERS, join(trainUsers));
        p.put(VAL_USERS, join(valUsers));
        p.put(TEST_USERS, join(testUsers));
        p.put(STANDARDISE, Boolean.toString(standardise));
        return p;
    }

    private static String join(Iterable<Integer> ids) {
        List<String> parts = new ArrayList<>();
        ids.forEach(i -> parts.add(Integer.toString(i)));
        return parts.stream().collect(Collectors.joining(","));
    }
}
