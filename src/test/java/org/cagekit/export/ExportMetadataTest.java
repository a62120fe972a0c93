package org.cagekit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.cagekit.data.ModelCard;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportMetadataTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void metadataRoundTripsThroughOnnxRuntime(boolean inGraph) throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        ModelCard card = ExportFixture.card(config, 128);
        Instant time = Instant.parse("2026-01-02T03:04:05.678Z");
        Path file = dir.resolve("meta.onnx");
        try (Model model = ExportFixture.randomModel(config, 128, 81)) {
            OnnxExporter.write(
                    new OnnxExporter(new ExportOptions(17, inGraph))
                            .toModel((CageModel) model.getBlock(), card, time),
                    file);
        }
        OnnxModelMetadata metadata;
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(file.toString())) {
            metadata = session.getMetadata();
        }
        assertEquals("cagekit", metadata.getProducerName());
        assertEquals("cagekit_encoder", metadata.getGraphName());
        assertEquals("org.cagekit", metadata.getDomain());
        assertEquals(1, metadata.getVersion());
        Map<String, String> p = metadata.getCustomMetadata();

        ModelCard back = ModelCard.fromJson(p.get(ModelCard.METADATA_KEY), "metadata");
        assertEquals(card.toJson(), back.toJson());
        assertEquals("synthetic-test", back.protocol);
        assertArrayEquals(ExportFixture.GYRO_STD, back.gyroStd);

        assertEquals(Boolean.toString(inGraph), p.get("normalised_in_graph"));
        assertEquals("2026-01-02T03:04:05Z", p.get("cagekit.export_time"));
        assertEquals("17", p.get("cagekit.opset"));
        assertEquals("synthetic", p.get("cagekit.dataset"));
        assertEquals("synthetic-test", p.get("cagekit.protocol"));
        assertEquals("128", p.get("cagekit.protocol.window"));
        assertEquals("majority", p.get("cagekit.label_rule"));
        assertEquals("50.0", p.get("cagekit.sampling_rate_hz"));
        assertEquals("128", p.get("cagekit.window_length"));
        assertEquals("acc_x,acc_y,acc_z", p.get("cagekit.accel_channels"));
        assertEquals("gyro_x,gyro_y,gyro_z", p.get("cagekit.gyro_channels"));
        assertEquals("0=WALKING,1=SITTING,2=LYING", p.get("cagekit.class_names"));
        assertEquals("0.1,-9.8,0.3", p.get("cagekit.accel_mean"));
        assertEquals("2.0,3.0,1.5", p.get("cagekit.accel_std"));
        assertEquals("0.0,0.05,-0.02", p.get("cagekit.gyro_mean"));
        assertEquals("0.5,0.4,0.0", p.get("cagekit.gyro_std"));
        assertEquals("6", p.get("cagekit.embedding_size"));
        assertEquals("8", p.get("cagekit.architecture.width"));
        assertEquals("ntxent", p.get("cagekit.loss.loss"));
        assertEquals("learnable", p.get("cagekit.loss.temperature"));
        assertEquals("abc1234", p.get("cagekit.source_revision"));
        assertEquals("7", p.get("cagekit.seed"));
        assertEquals("1", p.get("cagekit.epochs"));
    }

    @Test
    void labelRuleIsFoundUnderEitherSpelling() {
        assertEquals("majority", ExportMetadata.labelRule(Map.of("labelRule", "majority")));
        assertEquals("centre", ExportMetadata.labelRule(Map.of("label-rule", "centre")));
        assertEquals("not recorded", ExportMetadata.labelRule(Map.of("window", "128")));
    }
}
