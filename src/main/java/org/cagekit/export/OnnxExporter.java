package org.cagekit.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cagekit.BuildInfo;
import org.cagekit.data.ModelCard;
import org.cagekit.data.Normalisation;
import org.cagekit.model.CageModel;
import org.cagekit.model.L2NormBlock;
import org.cagekit.model.MaxPool1dBlock;
import org.cagekit.model.ModelConfig;
import org.cagekit.model.ReluBlock;
import org.cagekit.model.TemporalMeanBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Translates a trained {@link CageModel} into an ONNX {@code ModelProto}, block by block.
 *
 * <p>Graph, with {@code N} symbolic and {@code T} the window length of the model card:
 *
 * <pre>
 * accel [N, Ca, T] -> (Sub, Mul) -> accel encoder -> MatMul -> L2 -> accel_embedding [N, d]
 * gyro  [N, Cg, T] -> (Sub, Mul) -> gyro encoder  -> MatMul -> L2 -> gyro_embedding  [N, d]
 * Concat(accel_embedding, gyro_embedding, axis 1)             -> embedding       [N, 2d]
 * </pre>
 *
 * <p>Block translations: {@link Conv1d} becomes {@code Conv} (weight {@code [M, C, k]}, bias {@code
 * [M]}, symmetric {@code pads}); {@link ReluBlock} {@code Relu}; {@link MaxPool1dBlock} {@code
 * MaxPool} without padding and with {@code ceil_mode 0}, so the output length is {@code floor((T -
 * size) / stride) + 1} as in DJL, also for odd {@code T}; {@link TemporalMeanBlock} {@code
 * ReduceMean} over axis 2 without keeping it; a bias-free {@link Linear} of weight {@code [d, C]}
 * becomes {@code MatMul} with the transposed weight {@code [C, d]} (a bias adds an {@code Add});
 * {@link L2NormBlock} becomes {@code Div(x, Max(ReduceL2(x, axis 1, keepdims), 1e-12))}, the same
 * {@code x / max(||x||, 1e-12)}. Nested {@link SequentialBlock}s are walked in order.
 *
 * <p>Standardisation, when in the graph, is {@code z = (x - mean) * scale} per channel, {@code Sub}
 * then {@code Mul} with {@code [C, 1]} initialisers, where {@code scale = 1 / std} and 0 for a
 * channel that was constant on the train split: a division by std would divide by zero there.
 *
 * <p>Every float initialiser is stored as little-endian {@code raw_data}. The learnable logit scale
 * θ is not exported: it only scales the training loss and takes no part in the embedding.
 *
 * <p>N.B. Only the block classes above are translated. Any other block anywhere in the tree is
 * refused with an {@link IllegalArgumentException} that names its path and class; nothing is
 * written in that case.
 */
public final class OnnxExporter {
    /** Name of the accelerometer input, {@code [N, Ca, T]} float32. */
    public static final String ACCEL_INPUT = "accel";

    /** Name of the gyroscope input, {@code [N, Cg, T]} float32. */
    public static final String GYRO_INPUT = "gyro";

    /** Name of the unit-norm accelerometer embedding output, {@code [N, d]}. */
    public static final String ACCEL_EMBEDDING = "accel_embedding";

    /** Name of the unit-norm gyroscope embedding output, {@code [N, d]}. */
    public static final String GYRO_EMBEDDING = "gyro_embedding";

    /** Name of the concatenated embedding output, {@code [N, 2d]}: the feature KNN uses. */
    public static final String EMBEDDING = "embedding";

    /** The symbolic batch dimension of every input and output. */
    public static final String BATCH_DIMENSION = "N";

    /** The graph's name inside the model. */
    public static final String GRAPH_NAME = "cagekit_encoder";

    static final String TRANSLATABLE_BLOCKS =
            "Conv1d, ReluBlock, MaxPool1dBlock, TemporalMeanBlock, SequentialBlock, Linear,"
                    + " L2NormBlock";

    private static final Logger LOG = LoggerFactory.getLogger(OnnxExporter.class);

    private final ExportOptions options;

    /** An exporter writing with the given opset and standardisation choice. */
    public OnnxExporter(ExportOptions options) {
        this.options = options;
    }

    /** The opset and standardisation choice this exporter writes with. */
    public ExportOptions options() {
        return options;
    }

    /**
     * Builds the model.
     *
     * @param model an initialised or loaded model
     * @param card the model's card; its window length fixes {@code T}, its channel lists must match
     *     the model's channel counts and, with the standardisation in the graph, its statistics
     *     must cover every channel
     * @param exportTime recorded in the metadata
     * @throws IllegalArgumentException naming the block when a block cannot be translated, or
     *     naming the field when the card does not fit the model
     * @throws IllegalStateException when the model's parameters are not initialised
     */
    public OnnxMl.ModelProto toModel(CageModel model, ModelCard card, Instant exportTime) {
        ModelConfig config = model.config();
        checkCard(config, card);
        int t = card.windowLength;
        GraphWriter writer = new GraphWriter(options.opset());
        ONNXContext ctx = writer.ctx;
        // ONNXContext declares only [batch, features] placeholders; they serve as references here
        // and their value infos are replaced by the real [N, C, T] and [N, d] ones below.
        ONNXPlaceholder accelIn = ctx.floatInput(ACCEL_INPUT, config.accelChannels());
        ONNXPlaceholder gyroIn = ctx.floatInput(GYRO_INPUT, config.gyroChannels());
        int d = config.embeddingDim();
        ONNXPlaceholder accelOut = ctx.floatOutput(ACCEL_EMBEDDING, d);
        ONNXPlaceholder gyroOut = ctx.floatOutput(GYRO_EMBEDDING, d);
        ONNXPlaceholder embeddingOut = ctx.floatOutput(EMBEDDING, 2 * d);

        Block normalise = checkChildren(model);
        ONNXRef<?> accel = accelIn;
        ONNXRef<?> gyro = gyroIn;
        if (options.normalisationInGraph()) {
            Normalisation n = card.normalisation();
            accel = writer.standardise(accel, "accel", n.accelMean(), n.accelScale());
            gyro = writer.standardise(gyro, "gyro", n.gyroMean(), n.gyroScale());
        }
        ONNXRef<?> a =
                writer.modality(
                        accel,
                        "accel",
                        model,
                        model.accelEncoder(),
                        model.accelProjection(),
                        normalise,
                        config.accelChannels(),
                        t);
        ONNXRef<?> g =
                writer.modality(
                        gyro,
                        "gyro",
                        model,
                        model.gyroEncoder(),
                        model.gyroProjection(),
                        normalise,
                        config.gyroChannels(),
                        t);
        ONNXRef<?> both =
                writer.op(
                        OnnxOperator.CONCAT, List.of(a, g), "embedding_concat", Map.of("axis", 1));
        a.assignTo(accelOut);
        g.assignTo(gyroOut);
        both.assignTo(embeddingOut);

        ctx.setName(GRAPH_NAME);
        OnnxMl.GraphProto graph =
                ctx.buildGraph().toBuilder()
                        .clearInput()
                        .clearOutput()
                        .addInput(tensor(ACCEL_INPUT, config.accelChannels(), t))
                        .addInput(tensor(GYRO_INPUT, config.gyroChannels(), t))
                        .addOutput(tensor(ACCEL_EMBEDDING, d))
                        .addOutput(tensor(GYRO_EMBEDDING, d))
                        .addOutput(tensor(EMBEDDING, 2 * d))
                        .setDocString(graphDescription(config, t))
                        .build();
        OnnxMl.ModelProto.Builder proto =
                OnnxMl.ModelProto.newBuilder()
                        .setIrVersion(options.irVersion())
                        .addOpsetImport(
                                OnnxMl.OperatorSetIdProto.newBuilder()
                                        .setDomain("")
                                        .setVersion(options.opset()))
                        .setProducerName("cagekit")
                        .setProducerVersion(BuildInfo.version())
                        .setDomain("org.cagekit")
                        .setModelVersion(1)
                        .setDocString(
                                "cagekit contrastive accelerometer-gyroscope encoder trained on "
                                        + card.dataset
                                        + " with protocol "
                                        + card.protocol)
                        .setGraph(graph);
        for (Map.Entry<String, String> e :
                ExportMetadata.properties(card, options, exportTime).entrySet()) {
            proto.addMetadataProps(
                    OnnxMl.StringStringEntryProto.newBuilder()
                            .setKey(e.getKey())
                            .setValue(e.getValue()));
        }
        LOG.debug(
                "built ONNX graph: opset {}, {} nodes, {} initialisers",
                options.opset(),
                graph.getNodeCount(),
                graph.getInitializerCount());
        return proto.build();
    }

    /** Writes the serialised model to {@code file}, as it is: callers choose a temporary name. */
    public static void write(OnnxMl.ModelProto model, Path file) {
        try {
            Files.write(file, model.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ONNX model " + file + ": " + e, e);
        }
    }

    private static String graphDescription(ModelConfig config, int t) {
        return String.format(
                Locale.ROOT,
                "inputs accel [N, %d, %d] and gyro [N, %d, %d] float32 (channels, then time);"
                        + " outputs accel_embedding and gyro_embedding [N, %d], unit L2 norm, and"
                        + " embedding [N, %d], their concatenation",
                config.accelChannels(),
                t,
                config.gyroChannels(),
                t,
                config.embeddingDim(),
                2 * config.embeddingDim());
    }

    private void checkCard(ModelConfig config, ModelCard card) {
        if (card.windowLength < 1) {
            throw new IllegalArgumentException(
                    "model card field windowLength must be positive, found " + card.windowLength);
        }
        checkCount("accelChannels", card.accelChannels.size(), config.accelChannels());
        checkCount("gyroChannels", card.gyroChannels.size(), config.gyroChannels());
        if (options.normalisationInGraph()) {
            checkCount("accelMean", card.accelMean.length, config.accelChannels());
            checkCount("accelStd", card.accelStd.length, config.accelChannels());
            checkCount("gyroMean", card.gyroMean.length, config.gyroChannels());
            checkCount("gyroStd", card.gyroStd.length, config.gyroChannels());
        }
    }

    private static void checkCount(String field, int found, int expected) {
        if (found != expected) {
            throw new IllegalArgumentException(
                    "model card field "
                            + field
                            + " has "
                            + found
                            + " entries, but the model has "
                            + expected
                            + " channels for it");
        }
    }

    /**
     * Checks that the model's direct children are the two encoders, the two projections and one L2
     * normalisation, and returns the latter.
     */
    private static Block checkChildren(CageModel model) {
        Block normalise = null;
        for (Pair<String, Block> child : model.getChildren()) {
            Block block = child.getValue();
            if (block == model.accelEncoder()
                    || block == model.gyroEncoder()
                    || block == model.accelProjection()
                    || block == model.gyroProjection()) {
                continue;
            }
            if (block instanceof L2NormBlock && normalise == null) {
                normalise = block;
            } else {
                throw unsupported(child.getKey(), block);
            }
        }
        if (normalise == null) {
            throw new IllegalArgumentException(
                    "the model has no L2NormBlock child; its embeddings would not be unit norm");
        }
        return normalise;
    }

    static IllegalArgumentException unsupported(String path, Block block) {
        return new IllegalArgumentException(
                "cannot translate block "
                        + path
                        + " ("
                        + block.getClass().getName()
                        + ") to ONNX; the exporter translates "
                        + TRANSLATABLE_BLOCKS);
    }

    private static OnnxMl.ValueInfoProto tensor(String name, long... fixedDims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH_DIMENSION));
        for (long dim : fixedDims) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        OnnxMl.TypeProto type =
                OnnxMl.TypeProto.newBuilder()
                        .setTensorType(
                                OnnxMl.TypeProto.Tensor.newBuilder()
                                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                                        .setShape(shape))
                        .build();
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** The state of one translation: the context and the opset the nodes must fit. */
    private static final class GraphWriter {
        final ONNXContext ctx = new ONNXContext();
        final int opset;
        private int layers;

        GraphWriter(int opset) {
            this.opset = opset;
        }

        ONNXRef<?> op(OnnxOperator operator, List<ONNXRef<?>> inputs, String output) {
            return op(operator, inputs, output, Map.of());
        }

        ONNXRef<?> op(
                OnnxOperator operator,
                List<ONNXRef<?>> inputs,
                String output,
                Map<String, Object> attributes) {
            if (!operator.supports(opset)) {
                throw new IllegalStateException(
                        operator + " is not valid in opset " + opset + "; pick its other form");
            }
            return ctx.operation(operator, inputs, output, attributes);
        }

        ONNXInitializer floats(String name, long[] dims, float[] values) {
            List<Integer> shape = new ArrayList<>();
            for (long dim : dims) {
                shape.add(Math.toIntExact(dim));
            }
            return ctx.floatTensor(name, shape, buffer -> buffer.put(values));
        }

        ONNXRef<?> standardise(ONNXRef<?> x, String prefix, float[] mean, float[] scale) {
            long[] dims = {mean.length, 1};
            ONNXRef<?> centred =
                    op(
                            OnnxOperator.SUB,
                            List.of(x, floats(prefix + "_mean", dims, mean)),
                            prefix + "_centred");
            return op(
                    OnnxOperator.MUL,
                    List.of(centred, floats(prefix + "_scale", dims, scale)),
                    prefix + "_standardised");
        }

        ONNXRef<?> modality(
                ONNXRef<?> input,
                String prefix,
                CageModel model,
                SequentialBlock encoder,
                Linear projection,
                Block normalise,
                int channels,
                int length) {
            Features features =
                    encoder(
                            new Features(input, channels, length),
                            encoder,
                            childName(model, encoder),
                            prefix);
            if (features.length != Features.POOLED) {
                throw new IllegalArgumentException(
                        childName(model, encoder)
                                + " ends with a feature map of length "
                                + features.length
                                + "; the projection needs it averaged over time by a"
                                + " TemporalMeanBlock");
            }
            ONNXRef<?> projected =
                    linear(features, projection, childName(model, projection), prefix);
            if (!(normalise instanceof L2NormBlock)) {
                throw unsupported(childName(model, normalise), normalise);
            }
            return l2Normalise(projected, prefix);
        }

        Features encoder(Features in, Block block, String path, String prefix) {
            if (block instanceof SequentialBlock) {
                Features features = in;
                for (Pair<String, Block> child : block.getChildren()) {
                    features =
                            encoder(
                                    features,
                                    child.getValue(),
                                    path + "/" + child.getKey(),
                                    prefix);
                }
                return features;
            }
            boolean translatable =
                    block instanceof Conv1d
                            || block instanceof ReluBlock
                            || block instanceof MaxPool1dBlock
                            || block instanceof TemporalMeanBlock;
            if (!translatable) {
                throw unsupported(path, block);
            }
            if (in.length == Features.POOLED) {
                throw new IllegalArgumentException(
                        "block "
                                + path
                                + " follows the temporal mean; only the projection may follow it");
            }
            String name = prefix + "_" + nextLayer();
            if (block instanceof Conv1d conv) {
                return conv(in, conv, path, name);
            } else if (block instanceof ReluBlock) {
                return in.with(op(OnnxOperator.RELU, List.of(in.ref), name + "_relu"));
            } else if (block instanceof MaxPool1dBlock pool) {
                if (in.length < pool.size()) {
                    throw tooShort(path, in.length, pool.size());
                }
                long length = (in.length - pool.size()) / pool.stride() + 1;
                ONNXRef<?> out =
                        op(
                                OnnxOperator.MAX_POOL,
                                List.of(in.ref),
                                name + "_maxpool",
                                poolAttributes(pool));
                return new Features(out, in.channels, length);
            } else if (block instanceof TemporalMeanBlock) {
                return new Features(
                        reduce(true, in.ref, 2, false, name + "_mean"),
                        in.channels,
                        Features.POOLED);
            }
            throw unsupported(path, block);
        }

        private int nextLayer() {
            return ++layers;
        }

        Features conv(Features in, Conv1d conv, String path, String name) {
            Shape kernel = conv.getKernelShape();
            Shape stride = conv.getStride();
            Shape padding = conv.getPadding();
            Shape dilation = conv.getDilation();
            int groups = conv.getGroups();
            Parameter weight = parameter(conv, "weight", path);
            Shape w = weight.getArray().getShape();
            if (w.dimension() != 3 || w.get(1) * groups != in.channels) {
                throw new IllegalArgumentException(
                        "block "
                                + path
                                + " has weight shape "
                                + w
                                + ", expected [filters, "
                                + in.channels / groups
                                + ", kernel] for "
                                + in.channels
                                + " input channels in "
                                + groups
                                + " groups");
            }
            int k = Math.toIntExact(kernel.get(0));
            int s = Math.toIntExact(stride.get(0));
            int p = Math.toIntExact(padding.get(0));
            int dil = Math.toIntExact(dilation.get(0));
            long length = (in.length + 2L * p - (long) dil * (k - 1) - 1) / s + 1;
            if (length < 1) {
                throw tooShort(path, in.length, k);
            }
            List<ONNXRef<?>> inputs = new ArrayList<>();
            inputs.add(in.ref);
            inputs.add(floats(name + "_conv_weight", w.getShape(), values(weight)));
            if (conv.isIncludeBias()) {
                Parameter bias = parameter(conv, "bias", path);
                inputs.add(floats(name + "_conv_bias", new long[] {w.get(0)}, values(bias)));
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("kernel_shape", new int[] {k});
            attributes.put("strides", new int[] {s});
            attributes.put("pads", new int[] {p, p});
            attributes.put("dilations", new int[] {dil});
            attributes.put("group", groups);
            ONNXRef<?> out = op(OnnxOperator.CONV, inputs, name + "_conv", attributes);
            return new Features(out, w.get(0), length);
        }

        ONNXRef<?> linear(Features in, Linear linear, String path, String prefix) {
            Parameter weight = parameter(linear, "weight", path);
            Shape w = weight.getArray().getShape();
            if (w.dimension() != 2 || w.get(1) != in.channels) {
                throw new IllegalArgumentException(
                        "block "
                                + path
                                + " has weight shape "
                                + w
                                + ", expected [units, "
                                + in.channels
                                + "]");
            }
            int units = Math.toIntExact(w.get(0));
            int inputs = Math.toIntExact(w.get(1));
            float[] values = values(weight);
            // DJL computes x W^T; MatMul needs W^T stored, [in, units].
            float[] transposed = new float[values.length];
            for (int u = 0; u < units; u++) {
                for (int i = 0; i < inputs; i++) {
                    transposed[i * units + u] = values[u * inputs + i];
                }
            }
            ONNXRef<?> out =
                    op(
                            OnnxOperator.MAT_MUL,
                            List.of(
                                    in.ref,
                                    floats(
                                            prefix + "_projection_weight",
                                            new long[] {inputs, units},
                                            transposed)),
                            prefix + "_projected");
            Parameter bias = linear.getParameters().get("bias");
            if (bias != null) {
                out =
                        op(
                                OnnxOperator.ADD,
                                List.of(
                                        out,
                                        floats(
                                                prefix + "_projection_bias",
                                                new long[] {units},
                                                values(bias))),
                                prefix + "_projected_biased");
            }
            return out;
        }

        ONNXRef<?> l2Normalise(ONNXRef<?> x, String prefix) {
            ONNXRef<?> norm = reduce(false, x, 1, true, prefix + "_norm");
            ONNXRef<?> floor =
                    op(
                            OnnxOperator.MAX,
                            List.of(
                                    norm,
                                    floats(
                                            prefix + "_norm_floor",
                                            new long[] {1},
                                            new float[] {L2NormBlock.EPSILON})),
                            prefix + "_norm_floored");
            return op(OnnxOperator.DIV, List.of(x, floor), prefix + "_normalised");
        }

        /** MaxPool's attributes, in a fixed order so that the file's bytes are repeatable. */
        private static Map<String, Object> poolAttributes(MaxPool1dBlock pool) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("kernel_shape", new int[] {pool.size()});
            attributes.put("strides", new int[] {pool.stride()});
            attributes.put("pads", new int[] {0, 0});
            attributes.put("ceil_mode", 0);
            return attributes;
        }

        /** A mean ({@code mean} true) or L2 reduction over one axis, in the opset's form. */
        ONNXRef<?> reduce(boolean mean, ONNXRef<?> x, int axis, boolean keep, String output) {
            OnnxOperator operator =
                    mean ? OnnxOperator.reduceMean(opset) : OnnxOperator.reduceL2(opset);
            int keepdims = keep ? 1 : 0;
            if (operator.getNumInputs() == 2) {
                ONNXInitializer axes = ctx.array(output + "_axes", new long[] {axis});
                return op(operator, List.of(x, axes), output, Map.of("keepdims", keepdims));
            }
            // Ordered, so that the same model always gives the same bytes (Map.of's iteration
            // order changes from one JVM to the next).
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("axes", new int[] {axis});
            attributes.put("keepdims", keepdims);
            return op(operator, List.of(x), output, attributes);
        }

        private static IllegalArgumentException tooShort(String path, long length, int window) {
            return new IllegalArgumentException(
                    "block "
                            + path
                            + " receives a feature map of length "
                            + length
                            + ", shorter than its window of "
                            + window
                            + "; the window length is too short for this encoder");
        }

        private static Parameter parameter(Block block, String name, String path) {
            Parameter parameter = block.getParameters().get(name);
            if (parameter == null || !parameter.isInitialized()) {
                throw new IllegalStateException(
                        "block "
                                + path
                                + " has no initialised parameter '"
                                + name
                                + "'; initialise or load the model before exporting it");
            }
            return parameter;
        }

        private static float[] values(Parameter parameter) {
            NDArray array = parameter.getArray();
            if (array.getDataType() != DataType.FLOAT32) {
                return array.toType(DataType.FLOAT32, false).toFloatArray();
            }
            return array.toFloatArray();
        }

        private static String childName(CageModel model, Block block) {
            for (Pair<String, Block> child : model.getChildren()) {
                if (child.getValue() == block) {
                    return child.getKey();
                }
            }
            return block.getClass().getSimpleName();
        }
    }

    /** A feature map and its shape; {@code length} {@link #POOLED} once averaged over time. */
    private record Features(ONNXRef<?> ref, long channels, long length) {
        static final long POOLED = -1;

        Features with(ONNXRef<?> next) {
            return new Features(next, channels, length);
        }
    }
}
