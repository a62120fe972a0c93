package org.cagekit.cli;

import java.nio.file.Path;
import java.util.List;
import org.cagekit.data.DataLocation;
import org.cagekit.data.LabelRule;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Preparer;
import org.cagekit.data.ProtocolOptions;
import org.cagekit.data.ProtocolSettings;
import org.cagekit.data.WindowCache;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command that reads data shares: where the data is, which dataset and protocol,
 * and overrides of the protocol's steps. Use as a picocli {@code @Mixin}.
 *
 * <p>Unknown names and malformed values are reported as usage errors (exit code 2).
 */
public final class DataOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Folder holding the dataset folders (uci-hapt/, mhealth/). Default:"
                            + " $CAGEKIT_DATA, else ./datasets.")
    Path dataDir;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Dataset: hapt or mhealth. Default: the protocol's dataset.")
    String dataset;

    @Option(
            names = "--protocol",
            paramLabel = "NAME",
            description =
                    "Protocol: hapt-13, hapt-6, mhealth-13 or mhealth-12. Default: the"
                            + " dataset's first protocol (hapt-13 when neither is given).")
    String protocol;

    @Option(
            names = "--filter-order",
            paramLabel = "N",
            description = "Butterworth low-pass order; 0 disables the filter. Default: 3.")
    Integer filterOrder;

    @Option(
            names = "--cutoff-hz",
            paramLabel = "HZ",
            description = "Low-pass cut-off frequency. Default: 20.")
    Double cutoffHz;

    @Option(
            names = "--window",
            paramLabel = "SAMPLES",
            description = "Samples per window. Default: 128.")
    Integer windowLength;

    @Option(
            names = "--train-stride",
            paramLabel = "SAMPLES",
            description = "Samples between train window starts. Default: 64.")
    Integer trainStride;

    @Option(
            names = "--eval-stride",
            paramLabel = "SAMPLES",
            description = "Samples between validation and test window starts. Default: 128.")
    Integer evalStride;

    @Option(
            names = "--label-rule",
            paramLabel = "RULE",
            description =
                    "Window label: after (label of sample start+length), last, majority (ties"
                            + " to the lowest class id) or pure (mixed windows dropped)."
                            + " Default: the protocol's (after; pure for hapt-6).")
    String labelRule;

    @Option(
            names = "--classes",
            paramLabel = "IDS",
            description = "Class ids to keep, e.g. 1-6 or 0,1,4. Default: the protocol's.")
    String classes;

    @Option(
            names = "--train-users",
            paramLabel = "IDS",
            description = "Train users, e.g. 1,3,5-8. Default: all not in val or test.")
    String trainUsers;

    @Option(
            names = "--val-users",
            paramLabel = "IDS",
            description = "Validation users. Default: the protocol's.")
    String valUsers;

    @Option(
            names = "--test-users",
            paramLabel = "IDS",
            description = "Test users. Default: the protocol's.")
    String testUsers;

    @Option(
            names = "--no-cache",
            description =
                    "Prepare from the raw files and leave the window cache"
                            + " ($CAGEKIT_CACHE, else ~/.cache/cagekit) untouched.")
    boolean noCache;

    /** The data root: --data-dir, else $CAGEKIT_DATA, else ./datasets. */
    public Path dataRoot() {
        return DataLocation.resolve(dataDir);
    }

    /** The dataset name given, or null. */
    public String dataset() {
        return dataset;
    }

    /** The protocol name given, or null. */
    public String protocol() {
        return protocol;
    }

    /**
     * The protocol overrides given on the command line.
     *
     * @throws CommandLine.ParameterException for a malformed value
     */
    public ProtocolOptions options() {
        try {
            ProtocolOptions o = ProtocolOptions.defaults();
            if (filterOrder != null) {
                o = o.filterOrder(filterOrder);
            }
            if (cutoffHz != null) {
                o = o.cutoffHz(cutoffHz);
            }
            if (windowLength != null) {
                o = o.windowLength(windowLength);
            }
            if (trainStride != null) {
                o = o.trainStride(trainStride);
            }
            if (evalStride != null) {
                o = o.evalStride(evalStride);
            }
            if (labelRule != null) {
                o = o.labelRule(LabelRule.parse(labelRule));
            }
            if (classes != null) {
                o = o.classes(ids("--classes", classes));
            }
            if (trainUsers != null) {
                o = o.trainUsers(ids("--train-users", trainUsers));
            }
            if (valUsers != null) {
                o = o.valUsers(ids("--val-users", valUsers));
            }
            if (testUsers != null) {
                o = o.testUsers(ids("--test-users", testUsers));
            }
            return o;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * The dataset, protocol and every step's value, checked.
     *
     * @throws CommandLine.ParameterException for unknown names, bad values or a mismatch
     */
    public ProtocolSettings settings() {
        ProtocolOptions o = options();
        try {
            return Preparer.settings(dataset, protocol, o);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The cache the options select. */
    public WindowCache cache() {
        return noCache ? WindowCache.disabled() : WindowCache.standard();
    }

    /**
     * Prepares the windows the options describe.
     *
     * @throws CommandLine.ParameterException for unknown names or bad values (exit code 2)
     * @throws IllegalArgumentException for missing or malformed data (exit code 1)
     */
    public PreparedData prepare() {
        ProtocolSettings s = settings();
        return Preparer.prepare(
                dataRoot(), s.dataset().name(), s.protocol().name(), options(), cache());
    }

    private static List<Integer> ids(String option, String text) {
        try {
            return ProtocolOptions.parseIds(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        CommandLine cl = mixee != null ? mixee.commandLine() : new CommandLine(this);
        return new CommandLine.ParameterException(cl, message);
    }
}
