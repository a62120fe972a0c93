package org.cagekit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cagekit.data.ModelCard;
import org.cagekit.data.WindowSet;
import org.cagekit.eval.EncodedWindows;
import org.cagekit.eval.OnnxEncoder;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxExporterTest {
    private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir Path dir;

    /**
     * Conv (kernel 3, padding 1) keeps the length; MaxPool(2, 2) floors: 25 -> floor(23 / 2) + 1 =
     * 12 -> floor(10 / 2) + 1 = 6, and 127 -> floor(125 / 2) + 1 = 63 -> floor(61 / 2) + 1 = 31.
     */
    @ParameterizedTest
    @CsvSource({"25, 12, 6", "127, 63, 31"})
    void maxPoolLengthsOnOddWindowsEqualDjls(int t, int first, int second) throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(1, 8, t));
            NDArray once = Pool.maxPool1d(x, new Shape(2), new Shape(2), new Shape(0), false);
            NDArray twice = Pool.maxPool1d(once, new Shape(2), new Shape(2), new Shape(0), false);
            assertEquals(first, once.getShape().get(2));
            assertEquals(second, twice.getShape().get(2));
        }
        try (Model model = ExportFixture.randomModel(config, t, 21)) {
            OnnxMl.ModelProto proto =
                    new OnnxExporter(ExportOptions.defaults())
                            .toModel(
                                    (CageModel) model.getBlock(),
                                    ExportFixture.card(config, t),
                                    TIME);
            List<String> pooled = new ArrayList<>();
            for (OnnxMl.NodeProto node : proto.getGraph().getNodeList()) {
                if (node.getOpType().equals("MaxPool") && node.getOutput(0).startsWith("accel")) {
                    pooled.add(node.getOutput(0));
                }
            }
            assertEquals(2, pooled.size());
            OnnxMl.GraphProto.Builder graph = proto.getGraph().toBuilder();
            for (String name : pooled) {
                graph.addOutput(untypedShapeOutput(name));
            }
            Path file = dir.resolve("odd.onnx");
            OnnxExporter.write(proto.toBuilder().setGraph(graph).build(), file);
            WindowSet windows = ExportFixture.windows(5, t, 22);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession session = env.createSession(file.toString());
                    OnnxTensor a = tensor(env, windows.accel(), 5, t);
                    OnnxTensor g = tensor(env, windows.gyro(), 5, t);
                    OrtSession.Result result = session.run(Map.of("accel", a, "gyro", g))) {
                assertArrayEquals(new long[] {5, 8, first}, shape(result, pooled.get(0)));
                assertArrayEquals(new long[] {5, 8, second}, shape(result, pooled.get(1)));
            }
            ParityReport parity =
                    new ParityCheck(
                                    (CageModel) model.getBlock(),
                                    ExportFixture.normalisation(),
                                    true)
                            .run(file, ExportFixture.windows(20, t, 23), windows);
            assertTrue(parity.passed(), parity.summary());
        }
    }

    /**
     * IEEE 754 single precision, little-endian: 1.0 = 3F800000, -2.0 = C0000000, 0.5 = 3F000000.
     */
    @Test
    void initialisersAreLittleEndianRawData() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        ModelCard card = ExportFixture.card(config, 32);
        card.accelMean = new float[] {1f, -2f, 0.5f};
        try (Model model = ExportFixture.randomModel(config, 32, 31)) {
            CageModel block = (CageModel) model.getBlock();
            NDArray weight = block.accelProjection().getParameters().get("weight").getArray();
            float[] ones = new float[Math.toIntExact(weight.size())];
            Arrays.fill(ones, 1f);
            weight.set(FloatBuffer.wrap(ones));
            OnnxMl.ModelProto proto =
                    new OnnxExporter(ExportOptions.defaults()).toModel(block, card, TIME);

            OnnxMl.TensorProto mean = initialiser(proto, "accel_mean");
            assertEquals(List.of(3L, 1L), mean.getDimsList());
            assertArrayEquals(
                    new byte[] {
                        0x00, 0x00, (byte) 0x80, 0x3F,
                        0x00, 0x00, 0x00, (byte) 0xC0,
                        0x00, 0x00, 0x00, 0x3F
                    },
                    mean.getRawData().toByteArray());
            OnnxMl.TensorProto projection = initialiser(proto, "accel_projection_weight");
            // [width 8, embedding 6], transposed from DJL's [6, 8].
            assertEquals(List.of(8L, 6L), projection.getDimsList());
            byte[] raw = projection.getRawData().toByteArray();
            assertEquals(8 * 6 * 4, raw.length);
            for (int i = 0; i < raw.length; i += 4) {
                assertArrayEquals(
                        new byte[] {0x00, 0x00, (byte) 0x80, 0x3F},
                        Arrays.copyOfRange(raw, i, i + 4),
                        "element " + i / 4);
            }
            for (OnnxMl.TensorProto t : proto.getGraph().getInitializerList()) {
                assertTrue(t.hasRawData() && !t.getRawData().isEmpty(), t.getName());
                assertEquals(0, t.getFloatDataCount(), t.getName());
                assertEquals(0, t.getInt64DataCount(), t.getName());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 17, 18, 21})
    void opsetsLoadInOnnxRuntimeAndAgree(int opset) throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        WindowSet windows = ExportFixture.windows(12, 64, 41);
        try (Model model = ExportFixture.randomModel(config, 64, 42)) {
            CageModel block = (CageModel) model.getBlock();
            ExportOptions options = new ExportOptions(opset, true);
            OnnxMl.ModelProto proto =
                    new OnnxExporter(options).toModel(block, ExportFixture.card(config, 64), TIME);
            assertEquals(opset, proto.getOpsetImport(0).getVersion());
            assertEquals(Map.of(13, 7L, 17, 8L, 18, 8L, 21, 10L).get(opset), proto.getIrVersion());
            OnnxMl.NodeProto mean = node(proto, "ReduceMean");
            if (opset <= 17) {
                assertEquals(1, mean.getInputCount());
                assertEquals("axes", mean.getAttribute(0).getName());
                assertEquals(List.of(2L), mean.getAttribute(0).getIntsList());
            } else {
                assertEquals(2, mean.getInputCount());
                OnnxMl.TensorProto axes = initialiser(proto, mean.getInput(1));
                assertEquals(OnnxMl.TensorProto.DataType.INT64.getNumber(), axes.getDataType());
                assertArrayEquals(
                        new byte[] {2, 0, 0, 0, 0, 0, 0, 0}, axes.getRawData().toByteArray());
                assertTrue(
                        mean.getAttributeList().stream()
                                .noneMatch(a -> a.getName().equals("axes")));
            }
            Path file = dir.resolve("opset" + opset + ".onnx");
            OnnxExporter.write(proto, file);
            ParityReport parity =
                    new ParityCheck(block, ExportFixture.normalisation(), true)
                            .run(file, ExportFixture.windows(20, 64, 43), windows);
            assertTrue(parity.passed(), parity.summary());
        }
    }

    @Test
    void withoutNormalisationTheGraphStartsWithTheEncoder() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        try (Model model = ExportFixture.randomModel(config, 64, 51)) {
            CageModel block = (CageModel) model.getBlock();
            ExportOptions options = new ExportOptions(17, false);
            OnnxMl.ModelProto proto =
                    new OnnxExporter(options).toModel(block, ExportFixture.card(config, 64), TIME);
            assertEquals("Conv", proto.getGraph().getNode(0).getOpType());
            assertTrue(
                    proto.getGraph().getNodeList().stream()
                            .noneMatch(
                                    n ->
                                            n.getOpType().equals("Sub")
                                                    || n.getOpType().equals("Mul")));
            Path file = dir.resolve("raw.onnx");
            OnnxExporter.write(proto, file);
            ParityReport parity =
                    new ParityCheck(block, ExportFixture.normalisation(), false)
                            .run(
                                    file,
                                    ExportFixture.windows(20, 64, 52),
                                    ExportFixture.windows(9, 64, 53));
            assertTrue(parity.passed(), parity.summary());
        }
    }

    /**
     * The third gyroscope channel has std 0, so its scale is 0 and whatever it holds is multiplied
     * away: changing it to 1000 must leave every embedding exactly as it was.
     */
    @Test
    void aConstantChannelIsMultipliedByZero() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        int t = 64;
        try (Model model = ExportFixture.randomModel(config, t, 61)) {
            OnnxMl.ModelProto proto =
                    new OnnxExporter(ExportOptions.defaults())
                            .toModel(
                                    (CageModel) model.getBlock(),
                                    ExportFixture.card(config, t),
                                    TIME);
            assertArrayEquals(
                    new float[] {2f, 2.5f, 0f}, floats(initialiser(proto, "gyro_scale")), 1e-7f);
            Path file = dir.resolve("constant.onnx");
            OnnxExporter.write(proto, file);
            WindowSet windows = ExportFixture.windows(4, t, 62);
            float[] changed = windows.gyro().clone();
            for (int w = 0; w < 4; w++) {
                Arrays.fill(changed, (w * 3 + 2) * t, (w * 3 + 3) * t, 1000f);
            }
            WindowSet changedWindows =
                    new WindowSet(
                            3,
                            3,
                            t,
                            windows.accel(),
                            changed,
                            windows.labels(),
                            windows.subjects(),
                            windows.starts());
            try (OnnxEncoder encoder = OnnxEncoder.open(file, 1)) {
                EncodedWindows before = encoder.encode(windows, 4);
                EncodedWindows after = encoder.encode(changedWindows, 4);
                for (int w = 0; w < 4; w++) {
                    assertArrayEquals(before.joint()[w], after.joint()[w], 0f);
                }
            }
        }
    }

    @Test
    void cardThatDoesNotFitTheModelIsRefusedNamingTheField() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        ModelCard card = ExportFixture.card(config, 64);
        card.gyroStd = new float[] {1f, 1f};
        try (Model model = ExportFixture.randomModel(config, 64, 71)) {
            IllegalArgumentException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    new OnnxExporter(ExportOptions.defaults())
                                            .toModel((CageModel) model.getBlock(), card, TIME));
            assertEquals(
                    "model card field gyroStd has 2 entries, but the model has 3 channels for it",
                    e.getMessage());
        }
    }

    private static float[] floats(OnnxMl.TensorProto tensor) {
        FloatBuffer buffer =
                tensor.getRawData()
                        .asReadOnlyByteBuffer()
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    private static OnnxMl.TensorProto initialiser(OnnxMl.ModelProto proto, String prefix) {
        return proto.getGraph().getInitializerList().stream()
                .filter(t -> t.getName().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no initialiser " + prefix));
    }

    private static OnnxMl.NodeProto node(OnnxMl.ModelProto proto, String opType) {
        return proto.getGraph().getNodeList().stream()
                .filter(n -> n.getOpType().equals(opType))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + opType + " node"));
    }

    private static OnnxMl.ValueInfoProto untypedShapeOutput(String name) {
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(
                        OnnxMl.TypeProto.newBuilder()
                                .setTensorType(
                                        OnnxMl.TypeProto.Tensor.newBuilder()
                                                .setElemType(
                                                        OnnxMl.TensorProto.DataType.FLOAT
                                                                .getNumber())))
                .build();
    }

    private static OnnxTensor tensor(OrtEnvironment env, float[] values, int n, int t)
            throws Exception {
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(values), new long[] {n, 3, t});
    }

    private static long[] shape(OrtSession.Result result, String name) throws Exception {
        return ((OnnxTensor) result.get(name).orElseThrow()).getInfo().getShape();
    }
}
