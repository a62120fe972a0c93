package org.cagekit.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Overrides of a protocol's steps. Every field is optional; an absent one takes the protocol's
 * default when the options are {@linkplain #resolve resolved}. Instances are immutable: each {@code
 * with}-style method returns a changed copy.
 *
 * <pre>{@code
 * ProtocolOptions options = ProtocolOptions.defaults()
 *         .trainUsers(List.of(1, 3)).valUsers(List.of(28)).testUsers(List.of(2));
 * }</pre>
 *
 * <p>The parameter names used by {@link #fromParameters} and {@link ProtocolSettings#parameters}
 * are {@code filter.order} (0 disables the filter), {@code filter.cutoff_hz}, {@code
 * window.length}, {@code window.stride.train}, {@code window.stride.eval} (validation and test),
 * {@code label.rule}, {@code classes}, {@code users.train}, {@code users.val}, {@code users.test}
 * (comma-separated ids) and {@code standardise} ({@code true} or {@code false}).
 */
public final class ProtocolOptions {
    private Integer filterOrder;
    private Double cutoffHz;
    private Integer windowLength;
    private Integer trainStride;
    private Integer evalStride;
    private LabelRule labelRule;
    private SortedSet<Integer> classes;
    private List<Integer> trainUsers;
    private List<Integer> valUsers;
    private List<Integer> testUsers;
    private Boolean standardise;

    private ProtocolOptions() {}

    private ProtocolOptions copy() {
        ProtocolOptions o = new ProtocolOptions();
        o.filterOrder = filterOrder;
        o.cutoffHz = cutoffHz;
        o.windowLength = windowLength;
        o.trainStride = trainStride;
        o.evalStride = evalStride;
        o.labelRule = labelRule;
        o.classes = classes;
        o.trainUsers = trainUsers;
        o.valUsers = valUsers;
        o.testUsers = testUsers;
        o.standardise = standardise;
        return o;
    }

    /** No overrides: the protocol's own defaults throughout. */
    public static ProtocolOptions defaults() {
        return new ProtocolOptions();
    }

    /** Filter order; 0 disables the filter. */
    public ProtocolOptions filterOrder(int order) {
        ProtocolOptions o = copy();
        o.filterOrder = order;
        return o;
    }

    /** Filter cut-off in Hz. */
    public ProtocolOptions cutoffHz(double hz) {
        ProtocolOptions o = copy();
        o.cutoffHz = hz;
        return o;
    }

    /** Samples per window. */
    public ProtocolOptions windowLength(int samples) {
        ProtocolOptions o = copy();
        o.windowLength = samples;
        return o;
    }

    /** Stride between train windows, in samples. */
    public ProtocolOptions trainStride(int samples) {
        ProtocolOptions o = copy();
        o.trainStride = samples;
        return o;
    }

    /** Stride between validation and test windows, in samples. */
    public ProtocolOptions evalStride(int samples) {
        ProtocolOptions o = copy();
        o.evalStride = samples;
        return o;
    }

    /** How windows get their label. */
    public ProtocolOptions labelRule(LabelRule rule) {
        ProtocolOptions o = copy();
        o.labelRule = rule;
        return o;
    }

    /** The class ids to keep; windows of other classes are dropped. */
    public ProtocolOptions classes(Collection<Integer> ids) {
        ProtocolOptions o = copy();
        o.classes = new TreeSet<>(ids);
        return o;
    }

    /** Train users; by default every user of the dataset not in validation or test. */
    public ProtocolOptions trainUsers(List<Integer> users) {
        ProtocolOptions o = copy();
        o.trainUsers = List.copyOf(users);
        return o;
    }

    /** Validation users. */
    public ProtocolOptions valUsers(List<Integer> users) {
        ProtocolOptions o = copy();
        o.valUsers = List.copyOf(users);
        return o;
    }

    /** Test users. */
    public ProtocolOptions testUsers(List<Integer> users) {
        ProtocolOptions o = copy();
        o.testUsers = List.copyOf(users);
        return o;
    }

    /**
     * Whether windows are standardised (default true). With false the windows are filtered but left
     * in sensor units; the train statistics are still computed and returned in {@link
     * PreparedData#normalisation()}, for a consumer that standardises by itself.
     */
    public ProtocolOptions standardise(boolean standardise) {
        ProtocolOptions o = copy();
        o.standardise = standardise;
        return o;
    }

    /** The overridden filter order, or null. */
    public Integer filterOrder() {
        return filterOrder;
    }

    /** The overridden cut-off, or null. */
    public Double cutoffHz() {
        return cutoffHz;
    }

    /** The overridden window length, or null. */
    public Integer windowLength() {
        return windowLength;
    }

    /** The overridden train stride, or null. */
    public Integer trainStride() {
        return trainStride;
    }

    /** The overridden validation/test stride, or null. */
    public Integer evalStride() {
        return evalStride;
    }

    /** The overridden label rule, or null. */
    public LabelRule labelRule() {
        return labelRule;
    }

    /** The overridden classes, or null. */
    public SortedSet<Integer> classes() {
        return classes;
    }

    /** The overridden train users, or null. */
    public List<Integer> trainUsers() {
        return trainUsers;
    }

    /** The overridden validation users, or null. */
    public List<Integer> valUsers() {
        return valUsers;
    }

    /** The overridden test users, or null. */
    public List<Integer> testUsers() {
        return testUsers;
    }

    /** The overridden standardisation switch, or null. */
    public Boolean standardise() {
        return standardise;
    }

    /**
     * Rebuilds the options from {@link PreparedData#parameters()}, for example from an exported
     * model's metadata; preparing with them reproduces the same windows.
     *
     * @throws IllegalArgumentException naming the parameter for an unknown name or a bad value
     */
    public static ProtocolOptions fromParameters(Map<String, String> parameters) {
        ProtocolOptions o = new ProtocolOptions();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String key = e.getKey();
            String value = e.getValue().trim();
            if (!ProtocolSettings.NAMES.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown protocol parameter '"
                                + key
                                + "': known parameters are "
                                + String.join(", ", ProtocolSettings.NAMES));
            }
            try {
                switch (key) {
                    case ProtocolSettings.FILTER_ORDER:
                        o.filterOrder = Integer.parseInt(value);
                        break;
                    case ProtocolSettings.CUTOFF_HZ:
                        o.cutoffHz = Double.parseDouble(value);
                        break;
                    case ProtocolSettings.WINDOW_LENGTH:
                        o.windowLength = Integer.parseInt(value);
                        break;
                    case ProtocolSettings.TRAIN_STRIDE:
                        o.trainStride = Integer.parseInt(value);
                        break;
                    case ProtocolSettings.EVAL_STRIDE:
                        o.evalStride = Integer.parseInt(value);
                        break;
                    case ProtocolSettings.LABEL_RULE:
                        o.labelRule = LabelRule.parse(value);
                        break;
                    case ProtocolSettings.CLASSES:
                        o.classes = new TreeSet<>(parseIds(value));
                        break;
                    case ProtocolSettings.TRAIN_USERS:
                        o.trainUsers = parseIds(value);
                        break;
                    case ProtocolSettings.VAL_USERS:
                        o.valUsers = parseIds(value);
                        break;
                    case ProtocolSettings.TEST_USERS:
                        o.testUsers = parseIds(value);
                        break;
                    case ProtocolSettings.STANDARDISE:
                        if (!value.equals("true") && !value.equals("false")) {
                            throw new IllegalArgumentException("expected true or false");
                        }
                        o.standardise = Boolean.parseBoolean(value);
                        break;
                    default:
                        throw new IllegalStateException("parameter " + key + " is not handled");
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(
                        "protocol parameter " + key + ": '" + value + "' is not a number", ex);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(
                        "protocol parameter " + key + "='" + value + "': " + ex.getMessage(), ex);
            }
        }
        return o;
    }

    /**
     * Parses a comma-separated list of ids such as {@code 1,3,5-8}; an empty text gives an empty
     * list.
     *
     * @throws IllegalArgumentException naming the bad element
     */
    public static List<Integer> parseIds(String text) {
        List<Integer> ids = new ArrayList<>();
        if (text.isBlank()) {
            return ids;
        }
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).trim());
                    int to = Integer.parseInt(p.substring(dash + 1).trim());
                    if (to < from || to - from > 100_000) {
                        throw new IllegalArgumentException(
                                "'" + p + "' is not an ascending range of ids");
                    }
                    for (int i = from; i <= to; i++) {
                        ids.add(i);
                    }
                } else {
                    ids.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "'%s' in '%s' is not a whole number or a range such as 5-8",
                                p,
                                text),
                        e);
            }
        }
        return ids;
    }

    /**
     * Fills the absent fields from a protocol's defaults and checks the result.
     *
     * @param protocol the named protocol
     * @param dataset the dataset it reads, for its subjects and rate
     * @throws IllegalArgumentException for a value out of range, overlapping or unknown users
     */
    public ProtocolSettings resolve(Protocol protocol, Dataset dataset) {
        return ProtocolSettings.resolve(this, protocol, dataset);
    }
}
