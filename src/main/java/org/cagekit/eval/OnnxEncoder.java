package org.cagekit.eval;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cagekit.data.ModelCard;
import org.cagekit.data.WindowSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exported encoder run by ONNX Runtime: one session per model file, windows fed in batches.
 *
 * <h2>Contract of the file</h2>
 *
 * <pre>
 *   inputs   accel            float [N, Ca, T]
 *            gyro             float [N, Cg, T]
 *   outputs  accel_embedding  float [N, d]
 *            gyro_embedding   float [N, d]
 *            embedding        float [N, 2d]   (concatenation of the two)
 *   metadata cagekit.model_card   the {@link ModelCard} as JSON
 *            normalised_in_graph  "true" (default) when the graph standardises its inputs with
 *                                 the train statistics itself, "false" when it expects
 *                                 standardised windows
 * </pre>
 *
 * <p>Every tensor and result is closed before {@link #encode} returns, so memory stays flat over
 * any number of calls. The session is released by {@link #close}; an encoder is used by one thread
 * at a time (ONNX Runtime's own threads work inside each batch).
 */
public final class OnnxEncoder implements AutoCloseable {
    /** Input holding accelerometer windows. */
    public static final String ACCEL_INPUT = "accel";

    /** Input holding gyroscope windows. */
    public static final String GYRO_INPUT = "gyro";

    /** Output holding accelerometer embeddings. */
    public static final String ACCEL_OUTPUT = "accel_embedding";

    /** Output holding gyroscope embeddings. */
    public static final String GYRO_OUTPUT = "gyro_embedding";

    /** Output holding the concatenated embedding. */
    public static final String JOINT_OUTPUT = "embedding";

    /** metadata_props key telling whether standardisation is part of the graph. */
    public static final String NORMALISED_IN_GRAPH_KEY = "normalised_in_graph";

    private static final Logger LOG = LoggerFactory.getLogger(OnnxEncoder.class);

    private final Path file;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final Map<String, String> metadata;
    private final boolean normalisedInGraph;
    private final long accelChannels;
    private final long gyroChannels;
    private boolean closed;
    private FloatBuffer accelBuffer;
    private FloatBuffer gyroBuffer;

    private OnnxEncoder(Path file, OrtEnvironment env, OrtSession session) throws OrtException {
        this.file = file;
        this.env = env;
        this.session = session;
        this.metadata = Map.copyOf(session.getMetadata().getCustomMetadata());
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        for (String name : new String[] {ACCEL_INPUT, GYRO_INPUT}) {
            if (!inputs.containsKey(name)) {
                throw new IllegalArgumentException(
                        file
                                + ": no input '"
                                + name
                                + "'; the model's inputs are "
                                + inputs.keySet());
            }
        }
        for (String name : new String[] {ACCEL_OUTPUT, GYRO_OUTPUT, JOINT_OUTPUT}) {
            if (!outputs.containsKey(name)) {
                throw new IllegalArgumentException(
                        file
                                + ": no output '"
                                + name
                                + "'; the model's outputs are "
                                + outputs.keySet());
            }
        }
        this.accelChannels = channels(inputs.get(ACCEL_INPUT));
        this.gyroChannels = channels(inputs.get(GYRO_INPUT));
        String flag = metadata.getOrDefault(NORMALISED_IN_GRAPH_KEY, "true").trim();
        if (!flag.equals("true") && !flag.equals("false")) {
            throw new IllegalArgumentException(
                    file
                            + ": metadata "
                            + NORMALISED_IN_GRAPH_KEY
                            + " is '"
                            + flag
                            + "', expected true or false");
        }
        this.normalisedInGraph = Boolean.parseBoolean(flag);
    }

    /**
     * Opens a session on an exported model.
     *
     * @param onnxFile the {@code .onnx} file
     * @param intraOpThreads threads ONNX Runtime uses inside one batch, at least 1
     * @throws IllegalArgumentException when the file is missing, is not a model ONNX Runtime can
     *     load, or lacks one of the contract's inputs and outputs
     */
    public static OnnxEncoder open(Path onnxFile, int intraOpThreads) {
        if (!Files.isRegularFile(onnxFile)) {
            throw new IllegalArgumentException(
                    onnxFile
                            + (Files.isDirectory(onnxFile)
                                    ? ": is a folder; expected an .onnx file (cagekit export writes"
                                            + " DIR/encoder.onnx)"
                                    : ": no such model file"));
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException(
                    "intra-op threads must be at least 1, found " + intraOpThreads);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(onnxFile.toString(), options);
            OnnxEncoder encoder = new OnnxEncoder(onnxFile, env, session);
            LOG.debug(
                    "opened {} with {} intra-op threads, normalised in graph: {}",
                    onnxFile,
                    intraOpThreads,
                    encoder.normalisedInGraph);
            return encoder;
        } catch (OrtException e) {
            closeQuietly(session);
            throw new IllegalArgumentException(
                    onnxFile + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** The model file. */
    public Path file() {
        return file;
    }

    /** Every metadata_props entry of the file. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The model card stored in the file's metadata.
     *
     * @throws IllegalArgumentException naming the file when it holds no card or an unreadable one
     */
    public ModelCard card() {
        String json = metadata.get(ModelCard.METADATA_KEY);
        if (json == null) {
            throw new IllegalArgumentException(
                    file
                            + ": no model card in the ONNX metadata (key "
                            + ModelCard.METADATA_KEY
                            + "); export the model with 'cagekit export' to record it");
        }
        return ModelCard.fromJson(json, file + " metadata " + ModelCard.METADATA_KEY);
    }

    /** True when the graph standardises raw (filtered) windows itself. */
    public boolean normalisedInGraph() {
        return normalisedInGraph;
    }

    /**
     * Embeds every window, in order.
     *
     * @param windows the windows, standardised or not as {@link #normalisedInGraph()} requires
     * @param batchSize windows per ONNX Runtime call, at least 1
     * @throws IllegalArgumentException when the channel counts differ from the model's inputs
     * @throws IllegalStateException when the encoder is closed or ONNX Runtime fails
     */
    public EncodedWindows encode(WindowSet windows, int batchSize) {
        if (closed) {
            throw new IllegalStateException(file + ": the encoder is closed");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, found " + batchSize);
        }
        checkChannels("accelerometer", accelChannels, windows.accelChannels());
        checkChannels("gyroscope", gyroChannels, windows.gyroChannels());
        int n = windows.size();
        float[][] accel = new float[n][];
        float[][] gyro = new float[n][];
        float[][] joint = new float[n][];
        long started = System.nanoTime();
        for (int from = 0; from < n; from += batchSize) {
            int rows = Math.min(batchSize, n - from);
            try (OnnxTensor a = batch(true, windows, from, rows);
                    OnnxTensor g = batch(false, windows, from, rows);
                    OrtSession.Result result = session.run(Map.of(ACCEL_INPUT, a, GYRO_INPUT, g))) {
                copyRows(result, ACCEL_OUTPUT, accel, from, rows);
                copyRows(result, GYRO_OUTPUT, gyro, from, rows);
                copyRows(result, JOINT_OUTPUT, joint, from, rows);
            } catch (OrtException e) {
                throw new IllegalStateException(
                        file
                                + ": ONNX Runtime failed on windows "
                                + from
                                + ".."
                                + (from + rows - 1)
                                + ": "
                                + e.getMessage(),
                        e);
            }
        }
        if (LOG.isDebugEnabled() && n > 0) {
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.debug(
                    "embedded {} windows in {} s ({} windows/s, batch {})",
                    n,
                    String.format(Locale.ROOT, "%.3f", seconds),
                    String.format(Locale.ROOT, "%.0f", n / seconds),
                    batchSize);
        }
        return new EncodedWindows(accel, gyro, joint);
    }

    /** Releases the session. Closing twice is harmless. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(session);
        }
    }

    private OnnxTensor batch(boolean accel, WindowSet windows, int from, int rows)
            throws OrtException {
        float[] values = accel ? windows.accel() : windows.gyro();
        int channels = accel ? windows.accelChannels() : windows.gyroChannels();
        int stride = channels * windows.length();
        int count = rows * stride;
        FloatBuffer buffer = accel ? accelBuffer : gyroBuffer;
        if (buffer == null || buffer.capacity() < count) {
            // Reused across batches and calls: a fresh direct buffer per batch would pile up
            // outside the heap until a collection happened to free it.
            buffer =
                    ByteBuffer.allocateDirect(count * Float.BYTES)
                            .order(ByteOrder.nativeOrder())
                            .asFloatBuffer();
            if (accel) {
                accelBuffer = buffer;
            } else {
                gyroBuffer = buffer;
            }
        }
        buffer.clear();
        buffer.put(values, from * stride, count);
        buffer.flip();
        return OnnxTensor.createTensor(
                env, buffer.slice(), new long[] {rows, channels, windows.length()});
    }

    private void copyRows(
            OrtSession.Result result, String name, float[][] target, int from, int rows)
            throws OrtException {
        Optional<OnnxValue> value = result.get(name);
        if (value.isEmpty() || !(value.get() instanceof OnnxTensor)) {
            throw new IllegalStateException(file + ": the model returned no tensor '" + name + "'");
        }
        OnnxTensor tensor = (OnnxTensor) value.get();
        long[] shape = tensor.getInfo().getShape();
        if (shape.length != 2 || shape[0] != rows) {
            throw new IllegalStateException(
                    file
                            + ": output '"
                            + name
                            + "' has shape "
                            + java.util.Arrays.toString(shape)
                            + ", expected ["
                            + rows
                            + ", d]");
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        int dim = (int) shape[1];
        for (int r = 0; r < rows; r++) {
            float[] row = new float[dim];
            buffer.get(row);
            target[from + r] = row;
        }
    }

    private void checkChannels(String sensor, long expected, int found) {
        if (expected > 0 && expected != found) {
            throw new IllegalArgumentException(
                    file
                            + ": the model takes "
                            + expected
                            + " "
                            + sensor
                            + " channels, the windows have "
                            + found);
        }
    }

    /** The channel dimension of a [N, C, T] input, or -1 when it is symbolic. */
    private long channels(NodeInfo info) {
        if (!(info.getInfo() instanceof TensorInfo)) {
            throw new IllegalArgumentException(
                    file + ": input " + info.getName() + " is no tensor");
        }
        long[] shape = ((TensorInfo) info.getInfo()).getShape();
        if (shape.length != 3) {
            throw new IllegalArgumentException(
                    file
                            + ": input "
                            + info.getName()
                            + " has "
                            + shape.length
                            + " dimensions, expected 3 [N, channels, time]");
        }
        return shape[1];
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.debug("closing an ONNX Runtime session failed", e);
            }
        }
    }
}
