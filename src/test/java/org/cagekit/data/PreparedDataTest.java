package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PreparedDataTest {

    /** One accelerometer and one gyroscope channel, windows of one sample. */
    private static PreparedData raw() {
        // Train accel values 1, 2, 3: mean 2, population std sqrt(2/3) = 0.816497; gyro constant
        // 5 on train, so its std is 0 and every gyro value standardises to 0.
        WindowSet train =
                new WindowSet(
                        1,
                        1,
                        1,
                        new float[] {1, 2, 3},
                        new float[] {5, 5, 5},
                        new int[] {0, 1, 1},
                        new int[] {1, 1, 3},
                        new int[] {0, 64, 128});
        WindowSet test =
                new WindowSet(
                        1,
                        1,
                        1,
                        new float[] {10},
                        new float[] {7},
                        new int[] {1},
                        new int[] {2},
                        new int[] {0});
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("window.length", "1");
        parameters.put(ProtocolSettings.STANDARDISE, "false");
        parameters.put("after", "kept in place");
        Normalisation n =
                new Normalisation(
                        new float[] {2},
                        new float[] {(float) Math.sqrt(2.0 / 3)},
                        new float[] {5},
                        new float[] {0});
        return new PreparedData(
                "toy",
                "toy-2",
                parameters,
                50,
                1,
                List.of("acc_x"),
                List.of("gyro_x"),
                Map.of(0, "null", 1, "one"),
                n,
                Map.of(Split.TRAIN, train, Split.TEST, test));
    }

    @Test
    void standardisedAppliesTheTrainStatisticsToACopy() {
        PreparedData raw = raw();
        PreparedData z = raw.standardised();
        // (10 - 2) / 0.816497 = 9.798; the constant gyro channel gives 0, not NaN.
        assertEquals(9.798f, z.split(Split.TEST).accel()[0], 1e-3f);
        assertEquals(0f, z.split(Split.TEST).gyro()[0]);
        assertArrayEquals(
                new float[] {-1.2247449f, 0f, 1.2247449f}, z.split(Split.TRAIN).accel(), 1e-6f);
        // The raw windows are untouched, and labels, subjects and starts carried over.
        assertEquals(10f, raw.split(Split.TEST).accel()[0]);
        assertArrayEquals(new int[] {1, 1, 3}, z.split(Split.TRAIN).subjects());
        assertEquals(
                List.of("window.length", "standardise", "after"),
                List.copyOf(z.parameters().keySet()));
        assertEquals("true", z.parameters().get("standardise"));
        assertThrows(IllegalStateException.class, z::standardised);
    }

    @Test
    void equalsWhatTheProtocolPreparesStandardised() {
        String root = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                root != null && Files.isDirectory(Path.of(root, "uci-hapt", "RawData")),
                "CAGEKIT_DATA does not point at a folder with uci-hapt/RawData");
        ProtocolOptions users =
                ProtocolOptions.defaults()
                        .trainUsers(List.of(1, 3))
                        .valUsers(List.of(28))
                        .testUsers(List.of(2));
        PreparedData raw =
                Preparer.prepare(
                        Path.of(root),
                        "hapt",
                        "hapt-13",
                        users.standardise(false),
                        WindowCache.disabled());
        PreparedData direct =
                Preparer.prepare(
                        Path.of(root),
                        "hapt",
                        "hapt-13",
                        users.standardise(true),
                        WindowCache.disabled());
        PreparedData derived = raw.standardised();
        assertEquals(direct.parameters(), derived.parameters());
        for (Split split : Split.values()) {
            assertArrayEquals(direct.split(split).accel(), derived.split(split).accel());
            assertArrayEquals(direct.split(split).gyro(), derived.split(split).gyro());
            assertArrayEquals(direct.split(split).labels(), derived.split(split).labels());
        }
    }
}
