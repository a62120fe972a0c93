package org.cagekit.export;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cagekit.BuildInfo;
import org.cagekit.data.ModelCard;
import org.cagekit.eval.OnnxEncoder;

/**
 * The {@code metadata_props} of an exported encoder: the whole {@link ModelCard} as JSON under
 * {@link ModelCard#METADATA_KEY}, for programs, and the same facts as one readable key each, for
 * people using {@code cagekit info} or any ONNX viewer.
 *
 * <p>Keys, all prefixed {@code cagekit.}: {@code version} and {@code export_revision} (the
 * exporting build), {@code source_revision} (the build that trained the model), {@code export_time}
 * (ISO-8601, UTC, seconds), {@code opset}, {@code dataset}, {@code protocol}, one {@code
 * protocol.NAME} per protocol parameter, {@code label_rule}, {@code sampling_rate_hz}, {@code
 * window_length}, {@code accel_channels} and {@code gyro_channels} (names in input order, comma
 * separated), {@code class_names} ({@code id=name} pairs, comma separated), {@code accel_mean},
 * {@code accel_std}, {@code gyro_mean}, {@code gyro_std} (comma separated, one per channel in input
 * order), {@code normalised_in_graph} ({@code true} when the graph standardises its inputs; with
 * {@code false} the caller must standardise with those statistics), {@code embedding_size} (d, of
 * each modality; {@code embedding} has 2d), one {@code architecture.NAME} and one {@code loss.NAME}
 * per entry of the card, {@code seed} and {@code epochs}.
 *
 * <p>Numbers are written with {@link Locale#ROOT}; floats with {@link Float#toString}, which reads
 * back to the same float.
 */
public final class ExportMetadata {
    /** Prefix of every readable key. */
    public static final String PREFIX = "cagekit.";

    /**
     * {@code true} when the graph standardises its inputs, else {@code false}. The one key without
     * the prefix: it is the name {@link OnnxEncoder} reads.
     */
    public static final String NORMALISED_IN_GRAPH = OnnxEncoder.NORMALISED_IN_GRAPH_KEY;

    /** The embedding size d of each modality. */
    public static final String EMBEDDING_SIZE = PREFIX + "embedding_size";

    /** Samples per window, the fixed {@code T} of both inputs. */
    public static final String WINDOW_LENGTH = PREFIX + "window_length";

    /** Instant the file was exported. */
    public static final String EXPORT_TIME = PREFIX + "export_time";

    /** The protocol's label rule, or {@code not recorded} when its parameters name none. */
    public static final String LABEL_RULE = PREFIX + "label_rule";

    private ExportMetadata() {}

    /** The metadata of one export, in the order listed in the class description. */
    public static Map<String, String> properties(
            ModelCard card, ExportOptions options, Instant exportTime) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(ModelCard.METADATA_KEY, card.toJson());
        p.put(PREFIX + "version", BuildInfo.version());
        p.put(PREFIX + "export_revision", BuildInfo.revision());
        p.put(PREFIX + "source_revision", text(card.sourceRevision));
        p.put(EXPORT_TIME, exportTime.truncatedTo(ChronoUnit.SECONDS).toString());
        p.put(PREFIX + "opset", Integer.toString(options.opset()));
        p.put(PREFIX + "dataset", text(card.dataset));
        p.put(PREFIX + "protocol", text(card.protocol));
        for (Map.Entry<String, String> e : card.protocolParameters.entrySet()) {
            p.put(PREFIX + "protocol." + e.getKey(), text(e.getValue()));
        }
        p.put(LABEL_RULE, labelRule(card.protocolParameters));
        p.put(PREFIX + "sampling_rate_hz", String.format(Locale.ROOT, "%s", card.samplingRateHz));
        p.put(WINDOW_LENGTH, Integer.toString(card.windowLength));
        p.put(PREFIX + "accel_channels", String.join(",", card.accelChannels));
        p.put(PREFIX + "gyro_channels", String.join(",", card.gyroChannels));
        List<String> classes = new ArrayList<>();
        card.classNames.forEach((id, name) -> classes.add(id + "=" + name));
        p.put(PREFIX + "class_names", String.join(",", classes));
        p.put(PREFIX + "accel_mean", floats(card.accelMean));
        p.put(PREFIX + "accel_std", floats(card.accelStd));
        p.put(PREFIX + "gyro_mean", floats(card.gyroMean));
        p.put(PREFIX + "gyro_std", floats(card.gyroStd));
        p.put(NORMALISED_IN_GRAPH, Boolean.toString(options.normalisationInGraph()));
        Integer d = card.architecture.get("embeddingDim");
        p.put(EMBEDDING_SIZE, d == null ? "not recorded" : Integer.toString(d));
        card.architecture.forEach((k, v) -> p.put(PREFIX + "architecture." + k, v.toString()));
        card.loss.forEach((k, v) -> p.put(PREFIX + "loss." + k, text(v)));
        p.put(PREFIX + "seed", Long.toString(card.seed));
        p.put(PREFIX + "epochs", Integer.toString(card.epochs));
        return p;
    }

    /**
     * The label rule among the protocol parameters: the value of the first parameter whose name,
     * lower-cased and without separators, is {@code labelrule} or {@code label}.
     */
    static String labelRule(Map<String, String> parameters) {
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (key.equals("labelrule") || key.equals("label")) {
                return text(e.getValue());
            }
        }
        return "not recorded";
    }

    static String floats(float[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(Float.toString(values[i]));
        }
        return s.toString();
    }

    private static String text(String value) {
        return value == null ? "not recorded" : value;
    }
}
