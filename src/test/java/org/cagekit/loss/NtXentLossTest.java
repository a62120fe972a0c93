package org.cagekit.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NtXentLossTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDList predictions(float[][] a, float[][] g, float theta) {
        return new NDList(
                manager.create(a), manager.create(g), manager.create(new float[] {theta}));
    }

    private static float[][] identical(int n) {
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new float[] {0.6f, 0.8f, 0f};
        }
        return rows;
    }

    private NDList labels(int n) {
        return new NDList(manager.zeros(new Shape(n), DataType.INT64));
    }

    private static LossSpec.Builder fixed(float tau) {
        return LossSpec.builder().temperature(LossSpec.Temperature.FIXED).tau(tau);
    }

    @Test
    void eightIdenticalEmbeddingsWithTinyTemperatureGiveLnEightWithoutNaN() {
        // Every logit is 1/0.001 = 1000: each row's softmax is uniform over 8, so each
        // cross-entropy is ln 8 = 2.0794415; exp(1000) would overflow without log-sum-exp.
        NtXentLoss loss = new NtXentLoss(fixed(0.001f).build());
        float value =
                loss.evaluate(labels(8), predictions(identical(8), identical(8), 0f)).getFloat();
        assertFalse(Float.isNaN(value));
        assertEquals((float) Math.log(8), value, 1e-6f);
        assertEquals(2.0794f, value, 1e-4f);
    }

    @Test
    void fourIdenticalEmbeddingsGiveLnFourInEveryDirection() {
        // ln 4 = 1.3862944 for symmetric and one-way alike.
        for (LossSpec.Direction direction : LossSpec.Direction.values()) {
            NtXentLoss loss = new NtXentLoss(fixed(0.07f).direction(direction).build());
            float value =
                    loss.evaluate(labels(4), predictions(identical(4), identical(4), 0f))
                            .getFloat();
            assertEquals(1.3863f, value, 1e-4f, direction.label());
        }
    }

    @Test
    void simclrFormOverIdenticalEmbeddingsGivesLnOfTwoNMinusOne() {
        // 2N = 8 rows; each row keeps 7 candidates (itself removed), all equal: ln 7 = 1.9459101.
        NtXentLoss loss = new NtXentLoss(fixed(0.001f).form(LossSpec.Form.SIMCLR).build());
        float value =
                loss.evaluate(labels(4), predictions(identical(4), identical(4), 0f)).getFloat();
        assertEquals((float) Math.log(7), value, 1e-5f);
    }

    @Test
    void batchOfOneHasZeroLossAndZeroGradient() {
        // The only logit is the positive: log softmax of a single value is 0.
        for (LossSpec.Form form : LossSpec.Form.values()) {
            NtXentLoss loss = new NtXentLoss(fixed(0.1f).form(form).build());
            NDArray a = manager.create(new float[][] {{1f, 0f}});
            NDArray g = manager.create(new float[][] {{0f, 1f}});
            a.setRequiresGradient(true);
            g.setRequiresGradient(true);
            NDArray value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                value = loss.evaluate(labels(1), new NDList(a, g, manager.create(new float[1])));
                collector.backward(value);
            }
            assertEquals(0f, value.getFloat(), 1e-6f, form.label());
            assertArrayEquals(new float[2], a.getGradient().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[2], g.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void emptyBatchIsAnError() {
        NtXentLoss loss = NtXentLoss.fixed(0.1f);
        NDList empty =
                new NDList(
                        manager.zeros(new Shape(0, 3)),
                        manager.zeros(new Shape(0, 3)),
                        manager.zeros(new Shape(1)));
        assertThrows(IllegalArgumentException.class, () -> loss.evaluate(labels(0), empty));
    }

    @Test
    void matchesThePyTorchOracleInLossAndGradient() throws IOException {
        JsonObject fixture = fixture();
        int n = fixture.get("n").getAsInt();
        int d = fixture.get("d").getAsInt();
        float[] accel = floats(fixture.getAsJsonArray("accel"));
        float[] gyro = floats(fixture.getAsJsonArray("gyro"));
        for (JsonElement element : fixture.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            String name = c.get("name").getAsString();
            LossSpec spec =
                    LossSpec.builder()
                            .temperature(
                                    LossSpec.Temperature.parse(c.get("temperature").getAsString()))
                            .tau(c.get("tau").getAsFloat())
                            .form(LossSpec.Form.parse(c.get("form").getAsString()))
                            .direction(LossSpec.Direction.parse(c.get("direction").getAsString()))
                            .build();
            NDArray a = manager.create(accel, new Shape(n, d));
            NDArray g = manager.create(gyro, new Shape(n, d));
            float thetaValue = c.has("theta") ? c.get("theta").getAsFloat() : 0f;
            NDArray theta = manager.create(new float[] {thetaValue});
            a.setRequiresGradient(true);
            g.setRequiresGradient(true);
            theta.setRequiresGradient(true);
            NDArray value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                value = new NtXentLoss(spec).evaluate(labels(n), new NDList(a, g, theta));
                collector.backward(value);
            }
            assertEquals(c.get("loss").getAsFloat(), value.getFloat(), 1e-5f, name);
            assertArrayEquals(
                    floats(c.getAsJsonArray("gradAccel")),
                    a.getGradient().toFloatArray(),
                    1e-5f,
                    name);
            assertArrayEquals(
                    floats(c.getAsJsonArray("gradGyro")),
                    g.getGradient().toFloatArray(),
                    1e-5f,
                    name);
            if (c.has("gradTheta")) {
                assertEquals(
                        c.get("gradTheta").getAsFloat(),
                        theta.getGradient().getFloat(0),
                        1e-5f,
                        name);
            }
        }
    }

    @Test
    void gradientMatchesCentralFiniteDifferencesInDoublePrecision() {
        // Central differences (f(x + h) − f(x − h)) / 2h with h = 1e-6 in float64 have an error
        // of order h² · f''' plus rounding 1e-16 / h, far below the 1e-6 tolerance.
        Random random = new Random(11);
        int n = 5;
        int d = 3;
        double[] accel = new double[n * d];
        double[] gyro = new double[n * d];
        for (int i = 0; i < accel.length; i++) {
            accel[i] = random.nextGaussian() * 0.5;
            gyro[i] = random.nextGaussian() * 0.5;
        }
        double theta = 1.7;
        for (LossSpec.Form form : LossSpec.Form.values()) {
            for (LossSpec.Direction direction : LossSpec.Direction.values()) {
                LossSpec spec =
                        LossSpec.builder()
                                .temperature(LossSpec.Temperature.LEARNABLE)
                                .form(form)
                                .direction(direction)
                                .build();
                NtXentLoss loss = new NtXentLoss(spec);
                String what = form.label() + "/" + direction.label();
                NDArray a = manager.create(accel, new Shape(n, d));
                NDArray g = manager.create(gyro, new Shape(n, d));
                NDArray t = manager.create(new double[] {theta});
                a.setRequiresGradient(true);
                g.setRequiresGradient(true);
                t.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(loss.evaluate(labels(n), new NDList(a, g, t)));
                }
                double[] gradA = a.getGradient().toDoubleArray();
                double[] gradG = g.getGradient().toDoubleArray();
                double gradT = t.getGradient().toDoubleArray()[0];
                double h = 1e-6;
                for (int i = 0; i < accel.length; i++) {
                    double[] plus = accel.clone();
                    double[] minus = accel.clone();
                    plus[i] += h;
                    minus[i] -= h;
                    double numeric =
                            (value(loss, plus, gyro, theta, n, d)
                                            - value(loss, minus, gyro, theta, n, d))
                                    / (2 * h);
                    assertEquals(numeric, gradA[i], 1e-6, what + " accel " + i);
                    plus = gyro.clone();
                    minus = gyro.clone();
                    plus[i] += h;
                    minus[i] -= h;
                    numeric =
                            (value(loss, accel, plus, theta, n, d)
                                            - value(loss, accel, minus, theta, n, d))
                                    / (2 * h);
                    assertEquals(numeric, gradG[i], 1e-6, what + " gyro " + i);
                }
                double numeric =
                        (value(loss, accel, gyro, theta + h, n, d)
                                        - value(loss, accel, gyro, theta - h, n, d))
                                / (2 * h);
                assertEquals(numeric, gradT, 1e-6, what + " theta");
            }
        }
    }

    private double value(NtXentLoss loss, double[] a, double[] g, double theta, int n, int d) {
        try (NDManager scope = manager.newSubManager()) {
            NDList p =
                    new NDList(
                            scope.create(a, new Shape(n, d)),
                            scope.create(g, new Shape(n, d)),
                            scope.create(new double[] {theta}));
            return loss.evaluate(labels(n), p).toDoubleArray()[0];
        }
    }

    @Test
    void learnableTemperatureReadsThetaAndReportsItsTemperature() {
        // θ = ln 10: s = 10, τ = 0.1; the loss then equals the fixed τ = 0.1 loss.
        float[][] a = {{1f, 0f}, {0f, 1f}, {0.6f, 0.8f}};
        float[][] g = {{0.8f, 0.6f}, {0f, 1f}, {1f, 0f}};
        NtXentLoss learnable = new NtXentLoss(LossSpec.defaults());
        float value =
                learnable.evaluate(labels(3), predictions(a, g, (float) Math.log(10))).getFloat();
        float reference =
                NtXentLoss.fixed(0.1f).evaluate(labels(3), predictions(a, g, 0f)).getFloat();
        assertEquals(reference, value, 1e-5f);
        assertEquals(0.1f, learnable.diagnostics().get("temperature"), 1e-6f);
        assertEquals(0.1f, learnable.temperature(), 1e-6f);
    }

    @Test
    void handWorkedTwoByTwoSymmetricLoss() {
        // A = I, G = I, τ = 1: logits [[1, 0], [0, 1]]; each row and column gives
        // −log(e / (e + 1)) = ln(1 + 1/e) = 0.3132617.
        float[][] eye = {{1f, 0f}, {0f, 1f}};
        float value =
                NtXentLoss.fixed(1f).evaluate(labels(2), predictions(eye, eye, 0f)).getFloat();
        assertEquals(0.3132617f, value, 1e-6f);
    }

    @Test
    void scheduledTemperatureAtFirstMiddleAndLastEpoch() {
        // Cosine from 0.2 to 0.05 over 11 epochs: epoch 0 → 0.2, epoch 5 (p = 0.5) → 0.125,
        // epoch 10 → 0.05.
        assertEquals(0.2f, NtXentLoss.scheduledTau(0, 11, 0.2f, 0.05f, 0), 1e-7f);
        assertEquals(0.125f, NtXentLoss.scheduledTau(5, 11, 0.2f, 0.05f, 0), 1e-7f);
        assertEquals(0.05f, NtXentLoss.scheduledTau(10, 11, 0.2f, 0.05f, 0), 1e-7f);
        // With 2 warm-up epochs: epoch 0 → τ = 1; epoch 1 → s = 1 + (5 − 1)/2 = 3, τ = 1/3;
        // epoch 2 starts the cosine at 0.2; the last epoch (12 of 13) reaches 0.05.
        assertEquals(1f, NtXentLoss.scheduledTau(0, 13, 0.2f, 0.05f, 2), 1e-7f);
        assertEquals(1 / 3f, NtXentLoss.scheduledTau(1, 13, 0.2f, 0.05f, 2), 1e-7f);
        assertEquals(0.2f, NtXentLoss.scheduledTau(2, 13, 0.2f, 0.05f, 2), 1e-7f);
        assertEquals(0.05f, NtXentLoss.scheduledTau(12, 13, 0.2f, 0.05f, 2), 1e-7f);
        // The loss takes the value beginEpoch set.
        NtXentLoss loss =
                new NtXentLoss(
                        LossSpec.builder().temperature(LossSpec.Temperature.SCHEDULED).build());
        loss.beginEpoch(5, 11);
        assertEquals(0.125f, loss.temperature(), 1e-7f);
        loss.evaluate(labels(2), predictions(identical(2), identical(2), 0f));
        assertEquals(0.125f, loss.diagnostics().get("temperature"), 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> loss.beginEpoch(11, 11));
    }

    @Test
    void settingsNameTheNtXentOptions() {
        NtXentLoss loss =
                new NtXentLoss(fixed(0.07f).direction(LossSpec.Direction.ONE_WAY).build());
        assertEquals(
                "{loss=ntxent, temperature=fixed, tau=0.07, direction=one-way, form=clip}",
                loss.settings().toString());
        assertTrue(loss.diagnostics().isEmpty());
    }

    private static JsonObject fixture() throws IOException {
        try (InputStream in = NtXentLossTest.class.getResourceAsStream("ntxent_reference.json")) {
            if (in == null) {
                throw new IOException("fixture ntxent_reference.json is missing");
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
    }

    private static float[] floats(JsonArray array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsFloat();
        }
        return values;
    }
}
