package org.cagekit.cli;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.cagekit.data.ModelCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit info FILE.onnx}: prints an ONNX file's inputs, outputs and metadata, read with
 * ONNX Runtime alone (no DJL), so it works on any machine that can evaluate the file.
 *
 * <pre>
 * file     models/run/encoder.onnx
 * producer cagekit 0.1.0
 * graph    cagekit_encoder (domain org.cagekit, model version 1)
 * inputs
 *   accel            float32  [N, 3, 128]
 *   gyro             float32  [N, 3, 128]
 * outputs
 *   accel_embedding  float32  [N, 64]
 *   ...
 * metadata
 *   cagekit.accel_channels = body_acc_x,body_acc_y,body_acc_z
 *   ...
 *   cagekit.model_card = JSON, 2841 characters (--card prints it)
 * </pre>
 *
 * Metadata keys are sorted; {@code --card} prints only the model card JSON, for tools such as
 * {@code jq}.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        header = "Print an ONNX file's inputs, outputs and metadata.",
        description = {
            "Opens the file with ONNX Runtime and prints the producer, each input and output"
                    + " with its element type and shape (symbolic dimensions by name), and every"
                    + " metadata_props entry."
        })
public final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.onnx", description = "The ONNX model to describe.")
    Path file;

    @Option(names = "--card", description = "Print only the cagekit model card, as JSON.")
    boolean card;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    file
                            + (Files.isDirectory(file)
                                    ? ": is a folder, not an ONNX file"
                                    : ": no such file"));
        }
        PrintWriter out = spec.commandLine().getOut();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(file.toString(), options)) {
            OnnxModelMetadata metadata = session.getMetadata();
            Map<String, String> props = new TreeMap<>(metadata.getCustomMetadata());
            if (card) {
                String json = props.get(ModelCard.METADATA_KEY);
                if (json == null) {
                    throw new IllegalArgumentException(
                            file + ": no " + ModelCard.METADATA_KEY + " in metadata_props");
                }
                out.println(json);
                out.flush();
                return Main.OK;
            }
            out.printf(Locale.ROOT, "file     %s%n", file);
            out.printf(
                    Locale.ROOT,
                    "producer %s %s%n",
                    metadata.getProducerName(),
                    props.getOrDefault("cagekit.version", "").isEmpty()
                            ? ""
                            : props.get("cagekit.version"));
            out.printf(
                    Locale.ROOT,
                    "graph    %s (domain %s, model version %d)%n",
                    metadata.getGraphName(),
                    metadata.getDomain().isEmpty() ? "none" : metadata.getDomain(),
                    metadata.getVersion());
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            int width = 0;
            for (String name : inputs.keySet()) {
                width = Math.max(width, name.length());
            }
            for (String name : outputs.keySet()) {
                width = Math.max(width, name.length());
            }
            out.println("inputs");
            printValues(inputs, width, out);
            out.println("outputs");
            printValues(outputs, width, out);
            out.println("metadata");
            if (props.isEmpty()) {
                out.println("  (none)");
            }
            for (Map.Entry<String, String> e : props.entrySet()) {
                String value = e.getValue();
                if (e.getKey().equals(ModelCard.METADATA_KEY)) {
                    value = "JSON, " + value.length() + " characters (--card prints it)";
                }
                out.printf(Locale.ROOT, "  %s = %s%n", e.getKey(), value);
            }
            out.flush();
            return Main.OK;
        } catch (OrtException e) {
            throw new IllegalArgumentException(
                    file + " is not a model ONNX Runtime can open: " + e.getMessage(), e);
        }
    }

    private static void printValues(Map<String, NodeInfo> values, int width, PrintWriter out) {
        for (NodeInfo node : values.values()) {
            out.printf(
                    Locale.ROOT,
                    "  %-" + width + "s  %s%n",
                    node.getName(),
                    describe(node.getInfo()));
        }
    }

    /** {@code float32 [N, 3, 128]} for a tensor, the runtime's own text for anything else. */
    static String describe(ValueInfo info) {
        if (!(info instanceof TensorInfo tensor)) {
            return info.toString();
        }
        long[] shape = tensor.getShape();
        String[] names = tensor.getDimensionNames();
        List<String> dims = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0) {
                dims.add(Long.toString(shape[i]));
            } else {
                String name = names != null && i < names.length ? names[i] : "";
                dims.add(name == null || name.isEmpty() ? "?" : name);
            }
        }
        return String.format(
                Locale.ROOT, "%-7s  [%s]", elementType(tensor), String.join(", ", dims));
    }

    private static String elementType(TensorInfo tensor) {
        return switch (tensor.type) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case FLOAT16 -> "float16";
            case INT8 -> "int8";
            case INT16 -> "int16";
            case INT32 -> "int32";
            case INT64 -> "int64";
            case UINT8 -> "uint8";
            case BOOL -> "bool";
            case STRING -> "string";
            default -> tensor.type.toString().toLowerCase(Locale.ROOT);
        };
    }
}
