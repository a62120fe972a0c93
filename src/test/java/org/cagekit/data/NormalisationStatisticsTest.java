package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Train statistics and their application, through the preparation pipeline. */
class NormalisationStatisticsTest {
    @Test
    void populationStdOfOneTwoThreeStandardisesTenToNinePointSevenNineEight() {
        // mean 2, population variance ((1-2)^2 + 0 + (3-2)^2) / 3 = 2/3, std 0.816497;
        // a test value 10 becomes (10 - 2) / 0.816497 = 9.79796.
        float[][] stats = Preparer.statistics(new float[] {1, 2, 3}, 1, 3);
        assertEquals(2f, stats[0][0], 1e-7f);
        assertEquals((float) Math.sqrt(2.0 / 3.0), stats[1][0], 1e-7f);
        float[] test = {10};
        Normalisation.apply(test, stats[0], stats[1], 1);
        assertEquals(9.798f, test[0], 5e-4f);
        assertEquals(9.797959f, test[0], 1e-5f);
    }

    @Test
    void constantChannelBecomesZeroNotNaN() {
        // Channel 0 is 0.1 everywhere (a sum of 0.1s is not exactly n * 0.1 in binary, which a
        // naive variance would turn into a tiny non-zero std); channel 1 varies.
        float[] values = {0.1f, 0.1f, 0.1f, 1f, 2f, 3f, 0.1f, 0.1f, 0.1f, 1f, 2f, 3f};
        float[][] stats = Preparer.statistics(values, 2, 3);
        assertEquals(0.1f, stats[0][0], 0f);
        assertEquals(0f, stats[1][0], 0f);
        float[] test = {0.1f, 0.1f, 0.1f, 5f, 5f, 5f};
        Normalisation.apply(test, stats[0], stats[1], 3);
        assertArrayEquals(new float[] {0, 0, 0}, java.util.Arrays.copyOf(test, 3), 0f);
    }

    /**
     * Train user 1 has values 1, 2, 3 then a trailing sample on channel 0; test user 10 has the
     * value 10. Windows of length 3, no filter, HAPT's three channels per sensor.
     */
    @Test
    void pipelineStandardisesEverySplitWithTrainStatistics() {
        Recording train =
                new Recording(
                        "train",
                        1,
                        new double[][] {{1, 2, 3, 0}, {1, 2, 3, 0}, {5, 5, 5, 5}},
                        new double[][] {{1, 2, 3, 0}, {1, 2, 3, 0}, {1, 2, 3, 0}},
                        new int[] {1, 1, 1, 1});
        Recording test =
                new Recording(
                        "test",
                        10,
                        new double[][] {{10, 10, 10, 10}, {2, 2, 2, 2}, {5, 5, 5, 6}},
                        new double[][] {{10, 10, 10, 10}, {2, 2, 2, 2}, {5, 5, 5, 5}},
                        new int[] {1, 1, 1, 1});
        ProtocolOptions options =
                ProtocolOptions.defaults()
                        .filterOrder(0)
                        .windowLength(3)
                        .trainStride(1)
                        .evalStride(1)
                        .trainUsers(List.of(1))
                        .valUsers(List.of())
                        .testUsers(List.of(10))
                        .classes(List.of(0, 1));
        ProtocolSettings settings = options.resolve(Protocol.byName("hapt-13"), new HaptDataset());
        PreparedData data = Preparer.fromRecordings(settings, classes(), List.of(train, test));
        WindowSet t = data.split(Split.TEST);
        // One window per recording: n = 4, length 3, only start 0 satisfies 0 + 3 < 4.
        assertEquals(1, t.size());
        assertEquals(9.797959f, t.accel()[0], 1e-5f);
        // Constant train channel 2 (all 5): test values become 0 whatever they are.
        assertArrayEquals(new float[] {0, 0, 0}, java.util.Arrays.copyOfRange(t.accel(), 6, 9));
        assertArrayEquals(
                new float[] {2f}, new float[] {data.normalisation().accelMean()[0]}, 1e-7f);

        PreparedData raw =
                Preparer.fromRecordings(
                        options.standardise(false)
                                .resolve(Protocol.byName("hapt-13"), new HaptDataset()),
                        classes(),
                        List.of(copy(train), copy(test)));
        // Unstandardised windows keep the sensor values; the statistics are still returned.
        assertEquals(10f, raw.split(Split.TEST).accel()[0], 0f);
        assertEquals((float) Math.sqrt(2.0 / 3.0), raw.normalisation().accelStd()[0], 1e-7f);
        assertEquals("false", raw.parameters().get("standardise"));
    }

    private static Recording copy(Recording r) {
        double[][] a = new double[r.accel().length][];
        double[][] g = new double[r.gyro().length][];
        for (int c = 0; c < a.length; c++) {
            a[c] = r.accel()[c].clone();
            g[c] = r.gyro()[c].clone();
        }
        return new Recording(r.name(), r.subject(), a, g, r.labels().clone());
    }

    private static TreeMap<Integer, String> classes() {
        return new TreeMap<>(Map.of(0, "null", 1, "one"));
    }
}
