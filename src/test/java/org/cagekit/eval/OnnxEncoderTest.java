package org.cagekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cagekit.data.ModelCard;
import org.cagekit.data.Normalisation;
import org.cagekit.data.WindowSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny encoders written by tools/reference/tiny_encoder.py, whose outputs on the fixture
 * windows that script computed with numpy.
 */
class OnnxEncoderTest {
    static final int LENGTH = 16;

    @TempDir Path dir;

    static Path fixture(Path dir, String name) {
        Path target = dir.resolve(name);
        try (InputStream in = OnnxEncoderTest.class.getResourceAsStream(name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static WindowSet fixtureWindows() {
        List<CSVRecord> rows = csv("tiny-encoder-input.csv");
        int n = rows.size();
        int perSensor = 3 * LENGTH;
        float[] accel = new float[n * perSensor];
        float[] gyro = new float[n * perSensor];
        for (int w = 0; w < n; w++) {
            for (int i = 0; i < perSensor; i++) {
                accel[w * perSensor + i] = Float.parseFloat(rows.get(w).get(1 + i));
                gyro[w * perSensor + i] = Float.parseFloat(rows.get(w).get(1 + perSensor + i));
            }
        }
        return new WindowSet(
                3,
                3,
                LENGTH,
                accel,
                gyro,
                new int[] {1, 2, 1, 3, 2},
                new int[] {1, 1, 3, 3, 3},
                new int[] {0, 16, 0, 16, 32});
    }

    @Test
    void embeddingsMatchNumpyForwardPass() {
        List<CSVRecord> expected = csv("tiny-encoder-expected.csv");
        try (OnnxEncoder encoder = OnnxEncoder.open(fixture(dir, "tiny-encoder.onnx"), 1)) {
            // Batch 2 over 5 windows: the last batch holds one window.
            EncodedWindows e = encoder.encode(fixtureWindows(), 2);
            assertEquals(5, e.size());
            assertEquals(4, e.dim());
            for (int w = 0; w < 5; w++) {
                for (int i = 0; i < 8; i++) {
                    double value = Double.parseDouble(expected.get(w).get(1 + i));
                    assertEquals(value, e.joint()[w][i], 1e-5, "window " + w + " component " + i);
                    float part = i < 4 ? e.accel()[w][i] : e.gyro()[w][i - 4];
                    assertEquals(e.joint()[w][i], part, 0f);
                }
            }
        }
    }

    @Test
    void cardAndFlagComeFromMetadata() {
        try (OnnxEncoder encoder = OnnxEncoder.open(fixture(dir, "tiny-encoder.onnx"), 1)) {
            ModelCard card = encoder.card();
            assertEquals("hapt-13", card.protocol);
            assertEquals("1,3", card.protocolParameters.get("users.train"));
            assertEquals(4, card.embeddingDim());
            assertEquals("WALKING", card.classNames.get(1));
            assertTrue(encoder.normalisedInGraph());
        }
    }

    /**
     * The raw graph given windows standardised with the card's statistics agrees with the other.
     */
    @Test
    void rawGraphExpectsStandardisedWindows() {
        WindowSet windows = fixtureWindows();
        try (OnnxEncoder full = OnnxEncoder.open(fixture(dir, "tiny-encoder.onnx"), 1);
                OnnxEncoder raw = OnnxEncoder.open(fixture(dir, "tiny-encoder-raw.onnx"), 1)) {
            assertFalse(raw.normalisedInGraph());
            Normalisation n = raw.card().normalisation();
            float[] a = windows.accel().clone();
            float[] g = windows.gyro().clone();
            Normalisation.apply(a, n.accelMean(), n.accelStd(), LENGTH);
            Normalisation.apply(g, n.gyroMean(), n.gyroStd(), LENGTH);
            WindowSet standardised =
                    new WindowSet(
                            3,
                            3,
                            LENGTH,
                            a,
                            g,
                            windows.labels(),
                            windows.subjects(),
                            windows.starts());
            float[][] expected = full.encode(windows, 5).joint();
            float[][] found = raw.encode(standardised, 3).joint();
            for (int w = 0; w < 5; w++) {
                for (int i = 0; i < 8; i++) {
                    assertEquals(expected[w][i], found[w][i], 1e-5);
                }
            }
        }
    }

    @Test
    void missingCardIsNamedWithTheFile() {
        Path file = fixture(dir, "tiny-encoder-nocard.onnx");
        try (OnnxEncoder encoder = OnnxEncoder.open(file, 1)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, encoder::card);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(ModelCard.METADATA_KEY), e.getMessage());
        }
    }

    @Test
    void notAModelIsRefusedWithTheFile() throws IOException {
        Path file = dir.resolve("broken.onnx");
        Files.writeString(file, "not a model");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OnnxEncoder.open(file, 1));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> OnnxEncoder.open(dir.resolve("absent.onnx"), 1));
        assertTrue(missing.getMessage().contains("no such model file"), missing.getMessage());
        IllegalArgumentException folder =
                assertThrows(IllegalArgumentException.class, () -> OnnxEncoder.open(dir, 1));
        assertTrue(
                folder.getMessage()
                        .equals(
                                dir
                                        + ": is a folder; expected an .onnx file (cagekit"
                                        + " export writes DIR/encoder.onnx)"),
                folder.getMessage());
    }

    @Test
    void wrongChannelCountIsRefused() {
        WindowSet two =
                new WindowSet(
                        2,
                        3,
                        4,
                        new float[8],
                        new float[12],
                        new int[] {1},
                        new int[] {1},
                        new int[] {0});
        try (OnnxEncoder encoder = OnnxEncoder.open(fixture(dir, "tiny-encoder.onnx"), 1)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> encoder.encode(two, 8));
            assertTrue(
                    e.getMessage().endsWith("takes 3 accelerometer channels, the windows have 2"),
                    e.getMessage());
        }
    }

    @Test
    void closedEncoderRefusesWork() {
        OnnxEncoder encoder = OnnxEncoder.open(fixture(dir, "tiny-encoder.onnx"), 1);
        encoder.close();
        encoder.close();
        assertThrows(IllegalStateException.class, () -> encoder.encode(fixtureWindows(), 1));
    }

    /**
     * 10,000 calls, each with two input tensors of 16 windows x 3 channels x 128 samples (24 KiB
     * each) and three outputs. A tensor or result left open would hold at least 48 KiB per call,
     * about 470 MiB in all; the resident memory must grow by less than 32 MiB. The calls run in a
     * child JVM with a fixed, pre-touched heap, so the heap cannot account for any growth.
     */
    @Test
    void memoryStaysFlatOverTenThousandCalls() {
        Assumptions.assumeTrue(
                Files.isReadable(Path.of("/proc/self/status")),
                "resident memory is read from /proc/self/status, absent on this system");
        Path file = fixture(dir, "tiny-encoder.onnx");
        ChildJvm.Outcome outcome =
                ChildJvm.run(
                        List.of("-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC"),
                        EncoderMemoryProbe.class.getName(),
                        List.of(file.toString(), "10000"),
                        300);
        assertEquals(0, outcome.exitCode(), outcome.err());
        String[] fields = outcome.out().trim().split(" ");
        assertEquals("rss-kib", fields[0], outcome.out());
        long growthKib = Long.parseLong(fields[2]) - Long.parseLong(fields[1]);
        assertTrue(
                growthKib < 32 * 1024,
                "resident memory grew by " + growthKib + " KiB over 10,000 calls");
    }

    static List<CSVRecord> csv(String name) {
        try (InputStream in = OnnxEncoderTest.class.getResourceAsStream(name)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
