package org.cagekit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Preparer;
import org.cagekit.data.ProtocolOptions;
import org.cagekit.data.WindowCache;
import org.cagekit.loss.LossSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short runs on real HAPT recordings of a few users. */
class TrainerRealDataTest {
    private static PreparedData data;

    @TempDir Path tmp;

    @BeforeAll
    static void prepare() {
        String env = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                env != null && Files.isDirectory(Path.of(env, "uci-hapt")),
                "CAGEKIT_DATA does not point at a folder holding uci-hapt/");
        data =
                Preparer.prepare(
                        Path.of(env),
                        "hapt",
                        "hapt-13",
                        ProtocolOptions.defaults()
                                .trainUsers(List.of(1, 3))
                                .valUsers(List.of(28))
                                .testUsers(List.of(2)),
                        WindowCache.disabled());
    }

    @Test
    void twoEpochsLowerTheLossAndWriteEveryArtifact() throws IOException {
        Path dir = tmp.resolve("hapt");
        TrainingResult result =
                Trainer.train(
                        data,
                        TrainingConfig.builder().epochs(2).progressBar(false).build(),
                        dir,
                        List.of());
        assertEquals(2, result.epochsRun());
        List<String> lines = Files.readAllLines(dir.resolve(ModelFolder.HISTORY_CSV));
        assertEquals(3, lines.size());
        float first = Float.parseFloat(lines.get(1).split(",")[1]);
        float second = Float.parseFloat(lines.get(2).split(",")[1]);
        // A batch of 64 random embeddings costs about ln 64 = 4.16; training must go below it and
        // keep going down.
        assertTrue(second < first, "loss went from " + first + " to " + second);
        assertTrue(second < Math.log(64), "loss " + second + " is not below chance");
        for (String name :
                List.of(
                        ModelFolder.MODEL_JSON,
                        ModelFolder.TRAINING_JSON,
                        ModelFolder.BEST_PARAMS,
                        ModelFolder.LAST_PARAMS,
                        ModelFolder.HISTORY_CSV,
                        ModelFolder.CHECKPOINT + "/" + Checkpoint.PARAMS,
                        ModelFolder.CHECKPOINT + "/" + Checkpoint.OPTIMIZER,
                        ModelFolder.CHECKPOINT + "/" + Checkpoint.STATE)) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        ModelCard card = ModelCard.read(dir.resolve(ModelFolder.MODEL_JSON));
        assertEquals("hapt", card.dataset);
        assertEquals("hapt-13", card.protocol);
        assertEquals(data.parameters(), card.protocolParameters);
        assertEquals(13, card.classNames.size());
        assertEquals(3, card.accelChannels.size());
        assertEquals(3, card.gyroMean.length);
        assertEquals(2, card.epochs);
        assertEquals(LossSpec.defaults().settings(), card.loss);
        try (ModelFolder.Loaded loaded = ModelFolder.load(dir, true)) {
            assertEquals(64, loaded.block().config().embeddingDim());
        }
    }

    @Test
    void randomInitWritesAnUntrainedFolderWithTheSameLayout() throws IOException {
        Path dir = tmp.resolve("random");
        RandomInit.create(data, TrainingConfig.defaults(), dir);
        ModelCard card = ModelCard.read(dir.resolve(ModelFolder.MODEL_JSON));
        assertEquals(0, card.epochs);
        assertEquals("none", card.loss.get("loss"));
        assertEquals(1, Files.readAllLines(dir.resolve(ModelFolder.HISTORY_CSV)).size());
        // No epoch ran, so the best and the last parameters are the same initial ones.
        assertEquals(
                -1L,
                Files.mismatch(
                        dir.resolve(ModelFolder.BEST_PARAMS),
                        dir.resolve(ModelFolder.LAST_PARAMS)));
        try (ModelFolder.Loaded loaded = ModelFolder.load(dir, false)) {
            assertEquals("hapt-13", loaded.card().protocol);
        }
    }
}
