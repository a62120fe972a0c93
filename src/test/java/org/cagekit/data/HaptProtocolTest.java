package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The named HAPT protocols on the real dataset under {@code $CAGEKIT_DATA}. The expected window
 * counts come from {@code tools/reference/hapt_window_counts.py}, which implements the documented
 * rules on the raw files without sharing code with cagekit; its output is the fixture {@code
 * hapt_window_counts.csv}.
 */
class HaptProtocolTest {
    private static Path dataRoot;
    private static Map<String, Integer> expected;

    @BeforeAll
    static void findData() throws IOException {
        String env = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                env != null && new HaptDataset().isPresent(Path.of(env)),
                "CAGEKIT_DATA does not point at a folder holding uci-hapt/");
        dataRoot = Path.of(env);
        expected = new HashMap<>();
        try (InputStream in = HaptProtocolTest.class.getResourceAsStream("hapt_window_counts.csv");
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                expected.put(f[0] + "/" + f[1] + "/" + f[2], Integer.parseInt(f[3]));
            }
        }
    }

    private static void assertCounts(PreparedData data, int firstClass, int lastClass) {
        for (Split split : Split.values()) {
            int[] counts = data.split(split).classCounts();
            for (int c = firstClass; c <= lastClass; c++) {
                String key = data.protocol() + "/" + split.shortName() + "/" + c;
                int actual = c < counts.length ? counts[c] : 0;
                assertEquals(expected.get(key), actual, key);
            }
            assertEquals(0, firstClass > 0 && counts.length > 0 ? counts[0] : 0);
        }
    }

    @Test
    void hapt13WindowsPerClassPerSplit() {
        PreparedData data =
                Preparer.prepare(
                        dataRoot,
                        "hapt",
                        "hapt-13",
                        ProtocolOptions.defaults(),
                        WindowCache.disabled());
        assertCounts(data, 0, 12);
        // Totals, as in the README: train 10555, validation 923, test 2531.
        assertEquals(10555, data.split(Split.TRAIN).size());
        assertEquals(923, data.split(Split.VALIDATION).size());
        assertEquals(2531, data.split(Split.TEST).size());
        assertEquals("null", data.classNames().get(0));
        assertEquals("LIE_TO_STAND", data.classNames().get(12));
        assertEquals(List.of("acc_x", "acc_y", "acc_z"), data.accelChannels());
        assertEquals(List.of("gyro_x", "gyro_y", "gyro_z"), data.gyroChannels());
        // Subject-disjoint: every window's subject belongs to its split's users.
        Set<Integer> test = Set.of(2, 4, 9, 10, 12, 13, 18, 20, 24);
        for (int s : data.split(Split.TEST).subjects()) {
            assertTrue(test.contains(s), "test window of user " + s);
        }
        for (int s : data.split(Split.VALIDATION).subjects()) {
            assertTrue(s >= 28, "validation window of user " + s);
        }
        // Standardised train channels have mean 0 and population std 1.
        float[] a = data.split(Split.TRAIN).accel();
        double sum = 0;
        double squares = 0;
        int n = data.split(Split.TRAIN).size();
        for (int w = 0; w < n; w++) {
            for (int t = 0; t < 128; t++) {
                double v = a[w * 3 * 128 + t];
                sum += v;
                squares += v * v;
            }
        }
        assertEquals(0, sum / (n * 128.0), 1e-4);
        assertEquals(1, squares / (n * 128.0), 1e-4);
    }

    @Test
    void hapt6KeepsOnlyWindowsInsideOneBasicActivitySegment() {
        PreparedData data =
                Preparer.prepare(
                        dataRoot,
                        "hapt",
                        "hapt-6",
                        ProtocolOptions.defaults(),
                        WindowCache.disabled());
        assertCounts(data, 1, 6);
        assertEquals(6, data.classNames().size());
        assertEquals("pure", data.parameters().get("label.rule"));
    }

    @Test
    void parametersRebuildIdenticalWindowsOnAFewUsers() {
        ProtocolOptions few =
                ProtocolOptions.defaults()
                        .trainUsers(List.of(1, 3))
                        .valUsers(List.of(28))
                        .testUsers(List.of(2));
        PreparedData first =
                Preparer.prepare(dataRoot, "hapt", "hapt-13", few, WindowCache.disabled());
        PreparedData again =
                Preparer.prepare(
                        dataRoot,
                        first.dataset(),
                        first.protocol(),
                        ProtocolOptions.fromParameters(first.parameters()),
                        WindowCache.disabled());
        assertEquals(first.parameters(), again.parameters());
        for (Split s : Split.values()) {
            assertArrayEquals(first.split(s).accel(), again.split(s).accel());
            assertArrayEquals(first.split(s).labels(), again.split(s).labels());
        }
        // User 2 = experiments 3 (18026 rows) and 4 (16565 rows), test stride 128:
        // ceil((18026 - 128) / 128) = 140 and ceil((16565 - 128) / 128) = 129 windows.
        assertEquals(269, first.split(Split.TEST).size());
        // standardise(false) leaves filtered sensor values: the raw window equals the
        // standardised one times std plus mean.
        PreparedData raw =
                Preparer.prepare(
                        dataRoot,
                        "hapt",
                        "hapt-13",
                        few.standardise(false),
                        WindowCache.disabled());
        float mean = raw.normalisation().accelMean()[0];
        float std = raw.normalisation().accelStd()[0];
        assertEquals(first.normalisation().accelMean()[0], mean, 0f);
        float z = first.split(Split.TEST).accel()[5];
        assertEquals(raw.split(Split.TEST).accel()[5], z * std + mean, 1e-5f);
    }

    /**
     * Filtered, unstandardised windows of user 1 against {@code
     * tools/reference/hapt_filtered_windows.py}, which filters exp01 with scipy's butter + lfilter
     * along time: train window k of exp01 starts at 64k, so starts 0 and 6400 are windows 0 and
     * 100. Values are stored as float, hence the tolerance.
     */
    @Test
    void filteredWindowsMatchScipyOnTheRealSignals() throws IOException {
        PreparedData data =
                Preparer.prepare(
                        dataRoot,
                        "hapt",
                        "hapt-13",
                        ProtocolOptions.defaults()
                                .trainUsers(List.of(1))
                                .valUsers(List.of())
                                .testUsers(List.of())
                                .standardise(false),
                        WindowCache.disabled());
        WindowSet train = data.split(Split.TRAIN);
        assertEquals(6400, train.start(100));
        int checked = 0;
        try (InputStream in =
                        HaptProtocolTest.class.getResourceAsStream("hapt_filtered_windows.csv");
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                int channel = Integer.parseInt(f[1]);
                int window = Integer.parseInt(f[2]) / 64;
                int offset = Integer.parseInt(f[3]);
                double expected = Double.parseDouble(f[4]);
                float[] values = f[0].equals("acc") ? train.accel() : train.gyro();
                float actual = values[(window * 3 + channel) * 128 + offset];
                assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), line);
                checked++;
            }
        }
        assertEquals(60, checked);
    }

    @Test
    void theRealFilesMatchTheOfficialChecksums() {
        Path dir = new HaptDataset().locate(dataRoot);
        List<ReleaseChecksums.Result> results = ReleaseChecksums.verify("hapt", dir);
        // PROVENANCE.md lists README.txt, activity_labels.txt, labels.txt and 122 signal files.
        assertEquals(125, results.size());
        for (ReleaseChecksums.Result r : results) {
            assertEquals(ReleaseChecksums.Status.MATCH, r.status(), r.path());
        }
        assertTrue(Files.isDirectory(dir.resolve("RawData")));
    }
}
