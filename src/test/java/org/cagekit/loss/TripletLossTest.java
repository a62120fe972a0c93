package org.cagekit.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TripletLossTest {

    private static LossSpec spec(LossSpec.Mining mining, LossSpec.Distance distance) {
        return LossSpec.builder().loss(LossSpec.TRIPLET).mining(mining).distance(distance).build();
    }

    private static float[][] repeated(float[] row, int n) {
        float[][] m = new float[n][];
        for (int i = 0; i < n; i++) {
            m[i] = row.clone();
        }
        return m;
    }

    private static float[][] randomMatrix(Random random, int rows, int columns) {
        float[][] m = new float[rows][columns];
        for (float[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void eightIdenticalWindowsCostExactlyTheMarginAndAreReportedAsCollapsed() {
        // Every a_i is one vector and every g_i another, so d(a_i, g_i) = d(a_i, g_j) for all j
        // and each triplet costs max(0, d - d + 0.2) = 0.2 whatever the mining picks.
        float[][] accel = repeated(new float[] {0.3f, -1.2f, 0.5f, 2.0f}, 8);
        float[][] gyro = repeated(new float[] {1.0f, 0.4f, -0.7f, 0.1f}, 8);
        long[] classes = new long[8];
        for (LossSpec.Distance distance : LossSpec.Distance.values()) {
            for (LossSpec.Mining mining : LossSpec.Mining.values()) {
                String what = mining.label() + "/" + distance.label();
                TripletLoss loss = new TripletLoss(spec(mining, distance), 1L);
                LossRun run = LossRun.of(loss, accel, gyro, classes);
                assertEquals(0.2, run.value(), 1e-7, what);
                assertEquals("0.2000", String.format(Locale.ROOT, "%.4f", run.value()), what);
                assertEquals(1f, run.diagnostics().get("collapsed"), what);
                assertEquals(1f, run.diagnostics().get("positiveLossFraction"), what);
                assertTrue(run.gradientsFinite(), what);
                // Batch-all counts all 8 x 7 triplets, the others one per anchor.
                float valid = mining == LossSpec.Mining.BATCH_ALL ? 56f : 8f;
                assertEquals(valid, run.diagnostics().get("validTriplets"), what);
                float fallbacks = mining == LossSpec.Mining.SEMI_HARD ? 8f : 0f;
                assertEquals(fallbacks, run.diagnostics().get("fallbacks"), what);
            }
        }
    }

    @Test
    void identicalAccelerometerAndGyroscopeEmbeddingsToo() {
        // a_i = g_i = v for all eight windows: every distance is 0 up to rounding (Euclidean:
        // the floor sqrt(1e-12) = 1e-6), the loss is the margin and no gradient is NaN.
        float[][] same = repeated(new float[] {0.6f, 0.8f, 0f}, 8);
        for (LossSpec.Distance distance : LossSpec.Distance.values()) {
            for (LossSpec.Mining mining :
                    new LossSpec.Mining[] {LossSpec.Mining.RANDOM, LossSpec.Mining.HARD}) {
                String what = mining.label() + "/" + distance.label();
                LossRun run =
                        LossRun.of(
                                new TripletLoss(spec(mining, distance), 3L),
                                same,
                                same,
                                new long[8]);
                assertEquals(0.2, run.value(), 1e-7, what);
                assertEquals(1f, run.diagnostics().get("collapsed"), what);
                assertTrue(run.gradientsFinite(), what);
            }
        }
    }

    @Test
    void identicalAnchorAndPositiveKeepTheGradientFinite() {
        // a_i = g_i = e_i, the unit vectors of R⁴: d(a_i, g_i) = 0 and, for j ≠ i, cosine
        // distance 1, squared Euclidean 2, Euclidean √2. With margin 2 (3 for squared
        // Euclidean) every triplet is active and costs: cosine 0 - 1 + 2 = 1, squared
        // 0 - 2 + 3 = 1, Euclidean 1e-6 - √2 + 2 = 0.585787, where 1e-6 = sqrt(1e-12) is the
        // floored zero distance whose gradient must stay finite.
        float[][] eye = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        Map<LossSpec.Distance, double[]> expected =
                Map.of(
                        LossSpec.Distance.COSINE, new double[] {2, 1},
                        LossSpec.Distance.SQUARED_EUCLIDEAN, new double[] {3, 1},
                        LossSpec.Distance.EUCLIDEAN, new double[] {2, 2 - Math.sqrt(2) + 1e-6});
        for (Map.Entry<LossSpec.Distance, double[]> e : expected.entrySet()) {
            for (LossSpec.Mining mining : LossSpec.Mining.values()) {
                LossSpec s =
                        spec(mining, e.getKey()).toBuilder()
                                .margin((float) e.getValue()[0])
                                .build();
                LossRun run = LossRun.of(new TripletLoss(s, 5L), eye, eye, new long[4]);
                String what = mining.label() + "/" + e.getKey().label();
                assertEquals(e.getValue()[1], run.value(), 1e-5, what);
                assertTrue(run.gradientsFinite(), what);
                assertTrue(run.largestGradient() > 0, what + ": the loss must train");
                assertEquals(0f, run.diagnostics().get("collapsed"), what);
            }
        }
    }

    @Test
    void aBatchOfOneHasNoTripletAndGivesZeroWithoutNaN() {
        float[][] accel = {{0.2f, 0.9f, -0.4f}};
        float[][] gyro = {{-0.5f, 0.1f, 0.8f}};
        for (LossSpec.Mining mining : LossSpec.Mining.values()) {
            LossRun run =
                    LossRun.of(
                            new TripletLoss(spec(mining, LossSpec.Distance.EUCLIDEAN), 1L),
                            accel,
                            gyro,
                            new long[1]);
            assertEquals(0.0, run.value(), 0.0, mining.label());
            assertEquals(0f, run.diagnostics().get("validTriplets"), mining.label());
            assertEquals(0f, run.diagnostics().get("collapsed"), mining.label());
            assertEquals(0.0, run.largestGradient(), 0.0, mining.label());
            assertTrue(run.gradientsFinite(), mining.label());
        }
    }

    @Test
    void aLabelAwareBatchOfOneClassHasNoNegativeAndGivesZero() {
        Random random = new Random(4);
        float[][] accel = randomMatrix(random, 5, 3);
        float[][] gyro = randomMatrix(random, 5, 3);
        for (LossSpec.Mining mining :
                new LossSpec.Mining[] {LossSpec.Mining.HARD, LossSpec.Mining.SEMI_HARD}) {
            LossSpec s =
                    spec(mining, LossSpec.Distance.COSINE).toBuilder().labelAware(true).build();
            LossRun run =
                    LossRun.of(new TripletLoss(s, 1L), accel, gyro, new long[] {3, 3, 3, 3, 3});
            assertEquals(0.0, run.value(), 0.0);
            assertEquals(0.0, run.largestGradient(), 0.0);
        }
    }

    @Test
    void aSmallLastBatchOfTwoWindowsHasTheWorkedValue() {
        // a0 = (1,0), g0 = (0,1), a1 = (0,1), g1 = (1,0): each anchor's positive is orthogonal
        // (cosine distance 1) and its only negative coincides with it (distance 0), so both
        // triplets cost 1 - 0 + 0.2 = 1.2 whatever the mining.
        float[][] accel = {{1, 0}, {0, 1}};
        float[][] gyro = {{0, 1}, {1, 0}};
        for (LossSpec.Mining mining : LossSpec.Mining.values()) {
            LossRun run =
                    LossRun.of(
                            new TripletLoss(spec(mining, LossSpec.Distance.COSINE), 9L),
                            accel,
                            gyro,
                            new long[2]);
            assertEquals(1.2, run.value(), 1e-6, mining.label());
            // One triplet per anchor; batch-all has 2 anchors x 1 negative as well.
            assertEquals(2f, run.diagnostics().get("validTriplets"), mining.label());
            // Semi-hard: d_p = 1, the band (1, 1.2) is empty, the fallback takes the negative
            // at 0 <= 1.
            float fallbacks = mining == LossSpec.Mining.SEMI_HARD ? 2f : 0f;
            assertEquals(fallbacks, run.diagnostics().get("fallbacks"), mining.label());
            assertEquals(1.0f, run.diagnostics().get("anchorPositiveDistance"), 1e-6f);
            assertEquals(0.0f, run.diagnostics().get("anchorNegativeDistance"), 1e-6f);
        }
    }

    @Test
    void matchesTheTorchReferenceOnEveryMiningDistanceAndMode() {
        JsonObject reference = TripletReference.load();
        int checked = 0;
        for (JsonElement element : reference.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            LossSpec s =
                    LossSpec.builder()
                            .loss(LossSpec.TRIPLET)
                            .mining(LossSpec.Mining.parse(c.get("mining").getAsString()))
                            .distance(LossSpec.Distance.parse(c.get("distance").getAsString()))
                            .margin(c.get("margin").getAsFloat())
                            .negatives(LossSpec.Negatives.parse(c.get("negatives").getAsString()))
                            .labelAware(c.get("labelAware").getAsBoolean())
                            .build();
            String what = s.settings().toString();
            TripletLoss loss = new TripletLoss(s, c.get("seed").getAsLong());
            LossRun run =
                    LossRun.of(
                            loss,
                            TripletReference.floats(c.get("accel")),
                            TripletReference.floats(c.get("gyro")),
                            TripletReference.longs(c.get("classes")));
            assertEquals(c.get("loss").getAsDouble(), run.value(), 1e-5, what);
            assertClose(
                    TripletReference.doubles(c.get("accelGradient")), run.accelGradient(), what);
            assertClose(TripletReference.doubles(c.get("gyroGradient")), run.gyroGradient(), what);
            MinedTriplets mined = loss.lastTriplets();
            List<int[]> triplets = new ArrayList<>();
            for (JsonElement t : c.getAsJsonArray("triplets")) {
                triplets.add(TripletReference.ints(t));
            }
            assertEquals(triplets.size(), mined.size(), what);
            for (int t = 0; t < mined.size(); t++) {
                assertArrayEquals(
                        triplets.get(t),
                        new int[] {mined.anchor()[t], mined.positive()[t], mined.negative()[t]},
                        what + " triplet " + t);
            }
            assertEquals(c.get("validTriplets").getAsInt(), mined.validTriplets(), what);
            assertEquals(c.get("activeTriplets").getAsInt(), mined.activeTriplets(), what);
            assertEquals(c.get("fallbacks").getAsInt(), mined.fallbacks(), what);
            checked++;
        }
        // 2 modes x 2 negative sources x 3 distances x 4 minings x 2 margins.
        assertEquals(96, checked);
    }

    private static void assertClose(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], 1e-5, what + " [" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        Random random = new Random(2024);
        List<LossSpec> specs = new ArrayList<>();
        for (LossSpec.Distance distance : LossSpec.Distance.values()) {
            for (LossSpec.Mining mining : LossSpec.Mining.values()) {
                for (LossSpec.Negatives negatives : LossSpec.Negatives.values()) {
                    specs.add(
                            spec(mining, distance).toBuilder()
                                    .negatives(negatives)
                                    .margin(0.5f)
                                    .build());
                }
            }
            for (LossSpec.Mining mining :
                    new LossSpec.Mining[] {LossSpec.Mining.HARD, LossSpec.Mining.SEMI_HARD}) {
                specs.add(spec(mining, distance).toBuilder().labelAware(true).margin(0.5f).build());
            }
        }
        long[] classes = {0, 1, 0, 2, 1};
        for (LossSpec s : specs) {
            double[][] accel = gaussian(random, 5, 3);
            double[][] gyro = gaussian(random, 5, 3);
            // A fresh loss per evaluation, so random mining draws the same negatives each time.
            Supplier<TripletLoss> fresh = () -> new TripletLoss(s, 17L);
            LossRun run = LossRun.of(fresh.get(), accel, gyro, classes);
            assertTrue(run.value() > 0, s + ": a zero loss checks nothing");
            checkAgainstDifferences(fresh, accel, gyro, classes, run.accelGradient(), true, s);
            checkAgainstDifferences(fresh, accel, gyro, classes, run.gyroGradient(), false, s);
        }
    }

    private static void checkAgainstDifferences(
            Supplier<TripletLoss> fresh,
            double[][] accel,
            double[][] gyro,
            long[] classes,
            double[][] analytic,
            boolean perturbAccel,
            LossSpec s) {
        double h = 1e-6;
        double[][] x = perturbAccel ? accel : gyro;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                double saved = x[i][j];
                x[i][j] = saved + h;
                double up = LossRun.of(fresh.get(), accel, gyro, classes).value();
                x[i][j] = saved - h;
                double down = LossRun.of(fresh.get(), accel, gyro, classes).value();
                x[i][j] = saved;
                double numeric = (up - down) / (2 * h);
                assertEquals(
                        numeric,
                        analytic[i][j],
                        1e-6 + 1e-5 * Math.abs(numeric),
                        s + (perturbAccel ? " accel" : " gyro") + " [" + i + "][" + j + "]");
            }
        }
    }

    private static double[][] gaussian(Random random, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void epochSeedsMatchThePeerScriptsSplitMix() {
        JsonObject seeds = TripletReference.load().getAsJsonObject("epochSeeds");
        for (Map.Entry<String, JsonElement> e : seeds.entrySet()) {
            String[] parts = e.getKey().split(":");
            long seed = Long.parseLong(parts[0]);
            int epoch = Integer.parseInt(parts[1]);
            assertEquals(
                    Long.parseLong(e.getValue().getAsString()),
                    TripletLoss.epochSeed(seed, epoch),
                    e.getKey());
        }
    }

    @Test
    void randomMiningOfAnEpochDependsOnTheSeedAndTheEpochOnly() {
        Random random = new Random(8);
        float[][] accel = randomMatrix(random, 16, 4);
        float[][] gyro = randomMatrix(random, 16, 4);
        LossSpec s = spec(LossSpec.Mining.RANDOM, LossSpec.Distance.COSINE);
        // An uninterrupted run: epochs 0 and 1.
        TripletLoss uninterrupted = new TripletLoss(s, 21L);
        uninterrupted.beginEpoch(0, 3);
        LossRun.of(uninterrupted, accel, gyro, new long[16]);
        uninterrupted.beginEpoch(1, 3);
        double second = LossRun.of(uninterrupted, accel, gyro, new long[16]).value();
        int[] secondNegatives = uninterrupted.lastTriplets().negative();
        // A run resumed at epoch 1 mines the same negatives.
        TripletLoss resumed = new TripletLoss(s, 21L);
        resumed.beginEpoch(1, 3);
        assertEquals(second, LossRun.of(resumed, accel, gyro, new long[16]).value(), 0.0);
        assertArrayEquals(secondNegatives, resumed.lastTriplets().negative());
        // Another seed mines other negatives.
        TripletLoss other = new TripletLoss(s, 22L);
        other.beginEpoch(1, 3);
        LossRun.of(other, accel, gyro, new long[16]);
        assertNotEquals(
                java.util.Arrays.toString(secondNegatives),
                java.util.Arrays.toString(other.lastTriplets().negative()));
    }

    @Test
    void evaluatingTheSamePredictionsAgainReusesTheMining() {
        Random random = new Random(12);
        float[][] accel = randomMatrix(random, 16, 4);
        float[][] gyro = randomMatrix(random, 16, 4);
        TripletLoss loss =
                new TripletLoss(spec(LossSpec.Mining.RANDOM, LossSpec.Distance.COSINE), 2L);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList predictions =
                    new NDList(
                            manager.create(accel),
                            manager.create(gyro),
                            manager.create(new float[] {2.66f}));
            NDList labels = new NDList(manager.create(new long[16]));
            float first = loss.evaluate(labels, predictions).getFloat();
            int[] negatives = loss.lastTriplets().negative();
            float again = loss.evaluate(labels, predictions).getFloat();
            assertEquals(first, again, 0f);
            assertArrayEquals(negatives, loss.lastTriplets().negative());
            // New arrays with the same values are a new batch: fresh draws.
            NDList copy =
                    new NDList(
                            predictions.get(0).duplicate(),
                            predictions.get(1).duplicate(),
                            predictions.get(2));
            loss.evaluate(labels, copy);
            assertNotEquals(
                    java.util.Arrays.toString(negatives),
                    java.util.Arrays.toString(loss.lastTriplets().negative()));
        }
    }

    @Test
    void labelAwareLossWithoutLabelsSaysWhatItNeeds() {
        LossSpec s =
                spec(LossSpec.Mining.HARD, LossSpec.Distance.COSINE).toBuilder()
                        .labelAware(true)
                        .build();
        TripletLoss loss = new TripletLoss(s, 0L);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.randomNormal(new ai.djl.ndarray.types.Shape(4, 3));
            NDList predictions = new NDList(a, a.duplicate(), manager.create(new float[] {1f}));
            IllegalArgumentException none =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> loss.evaluate(new NDList(), predictions));
            assertTrue(none.getMessage().contains("class ids"), none.getMessage());
            IllegalArgumentException wrong =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    loss.evaluate(
                                            new NDList(manager.create(new long[] {1, 2})),
                                            predictions));
            assertTrue(wrong.getMessage().contains("expected 4 class ids"), wrong.getMessage());
            IllegalArgumentException empty =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    loss.evaluate(
                                            new NDList(),
                                            new NDList(
                                                    manager.zeros(
                                                            new ai.djl.ndarray.types.Shape(0, 3)),
                                                    manager.zeros(
                                                            new ai.djl.ndarray.types.Shape(0, 3)),
                                                    manager.create(new float[] {1f}))));
            assertTrue(empty.getMessage().contains("at least one window"), empty.getMessage());
        }
    }

    @Test
    void theFactoryBuildsTripletAndCombinedLossesWithTheirSettings() {
        LossSpec triplet =
                LossSpec.builder()
                        .loss(LossSpec.TRIPLET)
                        .mining(LossSpec.Mining.HARD)
                        .distance(LossSpec.Distance.EUCLIDEAN)
                        .margin(0.3f)
                        .build();
        ContrastiveLoss loss = LossFactory.create(triplet, 5L);
        assertInstanceOf(TripletLoss.class, loss);
        Map<String, String> settings = loss.settings();
        assertEquals("triplet", settings.get("loss"));
        assertEquals("hard", settings.get("mining"));
        assertEquals("euclidean", settings.get("distance"));
        assertEquals("0.3", settings.get("margin"));
        assertEquals("cross-modal", settings.get("negatives"));
        assertEquals("false", settings.get("labelAware"));
        assertEquals(triplet, LossSpec.fromSettings(settings));
        ContrastiveLoss combined =
                LossFactory.create(triplet.toBuilder().loss(LossSpec.COMBINED).build(), 5L);
        assertInstanceOf(CombinedLoss.class, combined);
        assertEquals("ntxent+triplet", combined.settings().get("loss"));
        assertEquals("1.0", combined.settings().get("tripletWeight"));
    }
}
