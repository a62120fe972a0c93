package org.cagekit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;
import org.cagekit.loss.LossSpec;
import org.cagekit.model.CageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final PreparedData DATA = SyntheticData.prepared(1, 96, 32, 16);

    @TempDir Path tmp;

    private static LossSpec fixedTau() {
        return LossSpec.builder().temperature(LossSpec.Temperature.FIXED).tau(0.1f).build();
    }

    @Test
    void writesACompleteModelFolderThatLoadsBack() throws IOException {
        Path dir = tmp.resolve("model");
        TrainingResult result =
                Trainer.train(DATA, SyntheticData.smallConfig().epochs(2).build(), dir, List.of());
        assertEquals(2, result.epochsRun());
        assertFalse(result.interrupted());
        for (String name :
                List.of(
                        ModelFolder.MODEL_JSON,
                        ModelFolder.TRAINING_JSON,
                        ModelFolder.BEST_PARAMS,
                        ModelFolder.LAST_PARAMS,
                        ModelFolder.HISTORY_CSV,
                        ModelFolder.CHECKPOINT + "/" + Checkpoint.STATE)) {
            assertTrue(Files.isRegularFile(dir.resolve(name)), name);
        }
        List<String> history = Files.readAllLines(dir.resolve(ModelFolder.HISTORY_CSV));
        assertEquals(String.join(",", History.COLUMNS), history.get(0));
        assertEquals(3, history.size());
        ModelCard card = ModelCard.read(dir.resolve(ModelFolder.MODEL_JSON));
        assertEquals("synthetic-3", card.protocol);
        assertEquals(2, card.epochs);
        assertEquals(7, card.seed);
        assertEquals(16, card.architecture.get("width"));
        assertEquals("learnable", card.loss.get("temperature"));
        assertEquals(List.of("acc_x", "acc_y", "acc_z"), card.accelChannels);
        assertEquals("fast", card.classNames.get(2));
        assertEquals(3, card.accelStd.length);
        assertTrue(card.cagekitVersion != null && card.sourceRevision != null);

        // last.params holds the weights after epoch 2; loading it twice gives the same
        // embeddings, and best.params (epoch 1 or 2) loads into the same architecture.
        WindowSet val = DATA.split(Split.VALIDATION);
        float[] first = embed(dir, false, val);
        assertArrayEquals(first, embed(dir, false, val));
        assertEquals(first.length, embed(dir, true, val).length);
    }

    private static float[] embed(Path dir, boolean best, WindowSet windows) {
        try (ModelFolder.Loaded loaded = ModelFolder.load(dir, best);
                NDManager manager = loaded.model().getNDManager().newSubManager()) {
            int n = 4;
            int[] rows = {0, 1, 2, 3};
            float[] a = new float[n * windows.accelChannels() * windows.length()];
            float[] g = new float[n * windows.gyroChannels() * windows.length()];
            windows.copyAccel(rows, a);
            windows.copyGyro(rows, g);
            NDList in =
                    new NDList(
                            manager.create(
                                    a,
                                    new ai.djl.ndarray.types.Shape(
                                            n, windows.accelChannels(), windows.length())),
                            manager.create(
                                    g,
                                    new ai.djl.ndarray.types.Shape(
                                            n, windows.gyroChannels(), windows.length())));
            NDList out = loaded.block().forward(new ParameterStore(manager, false), in, false);
            return out.get(0).toFloatArray();
        }
    }

    @Test
    void theSameSeedGivesTheSameLossHistoryBitForBit() throws IOException {
        TrainingConfig config = SyntheticData.smallConfig().epochs(3).build();
        Trainer.train(DATA, config, tmp.resolve("a"), List.of());
        Trainer.train(DATA, config, tmp.resolve("b"), List.of());
        Trainer.train(DATA, config.toBuilder().seed(8).build(), tmp.resolve("c"), List.of());
        List<String> a = lossColumns(tmp.resolve("a"));
        assertEquals(a, lossColumns(tmp.resolve("b")));
        assertNotEquals(a, lossColumns(tmp.resolve("c")));
        assertArrayEquals(
                Files.readAllBytes(tmp.resolve("a").resolve(ModelFolder.LAST_PARAMS)),
                Files.readAllBytes(tmp.resolve("b").resolve(ModelFolder.LAST_PARAMS)));
    }

    /** Every column but seconds and windows/s, which are timings. */
    private static List<String> lossColumns(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(ModelFolder.HISTORY_CSV))) {
            String[] cells = line.split(",", -1);
            cells[5] = "";
            cells[6] = "";
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    @Test
    void resumingAfterAStopInTheMiddleOfAnEpochEndsWithTheSameWeights() throws IOException {
        TrainingConfig config = SyntheticData.smallConfig().epochs(3).build();
        Path whole = tmp.resolve("whole");
        Trainer.train(DATA, config, whole, List.of());

        // Stop after the 8th batch: epoch 2 (6 batches per epoch), its second batch.
        Path split = tmp.resolve("split");
        AtomicInteger batches = new AtomicInteger();
        TrainingListener stopper =
                new TrainingListener() {
                    @Override
                    public void onBatch(int batch, int windows, float loss, double rate) {
                        batches.incrementAndGet();
                    }

                    @Override
                    public boolean stopRequested() {
                        return batches.get() == 8;
                    }
                };
        TrainingResult first = Trainer.train(DATA, config, split, List.of(stopper));
        assertTrue(first.interrupted());
        assertEquals(1, first.epochsRun());
        TrainingResult rest =
                Trainer.train(DATA, config.toBuilder().resume(true).build(), split, List.of());
        assertFalse(rest.interrupted());
        assertEquals(3, rest.epochsRun());
        assertArrayEquals(
                Files.readAllBytes(whole.resolve(ModelFolder.LAST_PARAMS)),
                Files.readAllBytes(split.resolve(ModelFolder.LAST_PARAMS)));
        List<String> wholeHistory = lossColumns(whole);
        assertEquals(wholeHistory, lossColumns(split));
    }

    @Test
    void aLossWithoutTemperatureResumesWithItsDiagnosticColumns() throws IOException {
        // Hard-mined triplets draw no random numbers, so an epoch-boundary resume is exact; the
        // temperature cells stay empty (NaN) through the checkpoint's JSON.
        TrainingConfig config =
                SyntheticData.smallConfig()
                        .epochs(2)
                        .loss(
                                LossSpec.builder()
                                        .loss(LossSpec.TRIPLET)
                                        .mining(LossSpec.Mining.HARD)
                                        .build())
                        .build();
        Path whole = tmp.resolve("whole");
        Trainer.train(DATA, config, whole, List.of());
        Path split = tmp.resolve("split");
        AtomicInteger epochs = new AtomicInteger();
        TrainingListener stopper =
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochRecord record) {
                        epochs.incrementAndGet();
                    }

                    @Override
                    public boolean stopRequested() {
                        return epochs.get() == 1;
                    }
                };
        assertTrue(Trainer.train(DATA, config, split, List.of(stopper)).interrupted());
        Trainer.train(DATA, config.toBuilder().resume(true).build(), split, List.of());
        assertEquals(lossColumns(whole), lossColumns(split));
        List<String> header = Files.readAllLines(split.resolve(ModelFolder.HISTORY_CSV));
        assertTrue(header.get(0).length() > String.join(",", History.COLUMNS).length());
        assertEquals("", header.get(1).split(",", -1)[3]);
    }

    @Test
    void resumeRefusesOtherSettingsAndAnExistingFolderNeedsResume() {
        TrainingConfig config = SyntheticData.smallConfig().epochs(1).build();
        Path dir = tmp.resolve("m");
        Trainer.train(DATA, config, dir, List.of());
        IllegalArgumentException exists =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Trainer.train(DATA, config, dir, List.of()));
        assertTrue(exists.getMessage().contains("--resume"), exists.getMessage());
        IllegalArgumentException differs =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Trainer.train(
                                        DATA,
                                        config.toBuilder().resume(true).learningRate(0.01f).build(),
                                        dir,
                                        List.of()));
        assertTrue(
                differs.getMessage().contains("learningRate was 0.001, now 0.01"),
                differs.getMessage());
        IllegalArgumentException none =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Trainer.train(
                                        DATA,
                                        config.toBuilder().resume(true).build(),
                                        tmp.resolve("empty"),
                                        List.of()));
        assertTrue(none.getMessage().contains("no checkpoint"), none.getMessage());
    }

    @Test
    void theLearnableTemperatureMovesAfterOneStepAndFixedOneDoesNot() {
        // θ starts at ln(1/0.07) = 2.6592600; with lr 0.01 Adam's first step moves each
        // parameter by about lr = 0.01 against the sign of its gradient.
        float start = (float) Math.log(1 / 0.07);
        float learnt = thetaAfter(LossSpec.defaults(), 1);
        assertNotEquals(start, learnt);
        assertEquals(0.01f, Math.abs(learnt - start), 1e-3f);
        // A fixed τ = 0.1 starts θ at ln(1/0.1) = 2.3025851, which no step touches.
        assertEquals((float) Math.log(10), thetaAfter(fixedTau(), 1), 0f);
    }

    private float thetaAfter(LossSpec loss, int batchesToRun) {
        // 96 windows in batches of 96: one optimiser step per epoch.
        Path dir = tmp.resolve("theta-" + loss.temperature().label());
        TrainingConfig config =
                SyntheticData.smallConfig()
                        .batchSize(96)
                        .epochs(batchesToRun)
                        .learningRate(0.01f)
                        .loss(loss)
                        .build();
        Trainer.train(DATA, config, dir, List.of());
        try (ModelFolder.Loaded loaded = ModelFolder.load(dir, false)) {
            return loaded.block().logitScale().getArray().getFloat(0);
        }
    }

    @Test
    void clampKeepsThetaBetweenZeroAndLnHundred() {
        // ln 100 = 4.6051702.
        try (NDManager manager = NDManager.newBaseManager()) {
            CageModel block = new CageModel(SyntheticData.smallConfig().build().modelConfig(3, 3));
            block.initialize(
                    manager,
                    ai.djl.ndarray.types.DataType.FLOAT32,
                    new ai.djl.ndarray.types.Shape(2, 3, 16),
                    new ai.djl.ndarray.types.Shape(2, 3, 16));
            NDArray theta = block.logitScale().getArray();
            theta.set(new float[] {7f});
            Trainer.clampLogitScale(block);
            assertEquals(4.6051702f, theta.getFloat(0), 1e-6f);
            theta.set(new float[] {-0.5f});
            Trainer.clampLogitScale(block);
            assertEquals(0f, theta.getFloat(0), 0f);
            theta.set(new float[] {2f});
            Trainer.clampLogitScale(block);
            assertEquals(2f, theta.getFloat(0), 0f);
        }
    }

    @Test
    void noArraysAreLeftOpenAfterManyBatches() {
        // 30 epochs of 6 batches: the arrays alive at batch 10 must be all that is alive at the
        // last batch, or every batch leaks.
        List<Integer> counts = new ArrayList<>();
        NDManager system;
        try (NDManager base = NDManager.newBaseManager()) {
            // Every manager descends from the engine's system manager, which counts them all.
            system = base.getParentManager();
        }
        TrainingListener counter =
                new TrainingListener() {
                    @Override
                    public void onBatch(int batch, int windows, float loss, double rate) {
                        counts.add(system.getManagedArrays().size());
                    }
                };
        Trainer.train(
                DATA,
                SyntheticData.smallConfig().epochs(30).build(),
                tmp.resolve("m"),
                List.of(counter));
        assertEquals(180, counts.size());
        assertEquals(counts.get(10), counts.get(counts.size() - 1), counts.toString());
    }

    @Test
    void learningRateSchedules() {
        // Step: 1e-3 for epochs 0-19, 5e-4 for 20-39, 2.5e-4 from 40.
        TrainingConfig step = TrainingConfig.defaults();
        assertEquals(1e-3f, step.learningRate(19), 0f);
        assertEquals(5e-4f, step.learningRate(20), 1e-10f);
        assertEquals(2.5e-4f, step.learningRate(40), 1e-10f);
        // Cosine over 40 epochs: epoch 20 is half way, lr · ½ (1 + cos(π/2)) = 5e-4.
        TrainingConfig cosine =
                TrainingConfig.builder().schedule(TrainingConfig.Schedule.COSINE).build();
        assertEquals(1e-3f, cosine.learningRate(0), 0f);
        assertEquals(5e-4f, cosine.learningRate(20), 1e-9f);
        assertEquals(
                1e-3f * 0.5f * (1 + (float) Math.cos(Math.PI * 39 / 40)),
                cosine.learningRate(39),
                1e-9f);
    }

    @Test
    void batchBoundsFoldASingleTrailingWindowIntoThePreviousBatch() {
        assertArrayEquals(new int[] {0, 64, 128, 130}, Trainer.batchBounds(130, 64));
        assertArrayEquals(new int[] {0, 64, 129}, Trainer.batchBounds(129, 64));
        assertArrayEquals(new int[] {0, 64, 128}, Trainer.batchBounds(128, 64));
        assertArrayEquals(new int[] {0, 5}, Trainer.batchBounds(5, 64));
    }

    @Test
    void permutationsDependOnSeedAndEpochOnly() {
        int[] p = Trainer.permutation(3, 2, 50);
        assertArrayEquals(p, Trainer.permutation(3, 2, 50));
        assertFalse(java.util.Arrays.equals(p, Trainer.permutation(3, 3, 50)));
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void askingForAGpuWithoutCudaIsAClearError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                ai.djl.engine.Engine.getInstance().getGpuCount() == 0,
                "this machine has a CUDA device, so the error cannot be provoked");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Trainer.device("gpu"));
        assertTrue(e.getMessage().contains("sees no CUDA device"), e.getMessage());
        assertTrue(e.getMessage().contains("-Pcuda"), e.getMessage());
    }
}
