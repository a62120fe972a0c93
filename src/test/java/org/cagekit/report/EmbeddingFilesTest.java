package org.cagekit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cagekit.data.WindowSet;
import org.cagekit.eval.EncodedWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingFilesTest {
    @TempDir Path dir;

    private static final WindowSet WINDOWS =
            new WindowSet(
                    1,
                    1,
                    1,
                    new float[2],
                    new float[2],
                    new int[] {4, 0},
                    new int[] {7, 9},
                    new int[] {0, 64});
    private static final EncodedWindows EMBEDDINGS =
            new EncodedWindows(
                    new float[][] {{1f, 0.5f}, {-2f, 0.25f}},
                    new float[][] {{0f, 1f}, {3f, -1f}},
                    new float[][] {{1f, 0.5f, 0f, 1f}, {-2f, 0.25f, 3f, -1f}});

    /**
     * Two windows of d = 2: 16 header bytes + 2 x (12 + 16) = 72 bytes; 1.0f is 00 00 80 3F
     * little-endian.
     */
    @Test
    void binaryLayoutAsDocumented() throws IOException {
        Path file = dir.resolve("e.f32");
        EmbeddingFiles.write(file, WINDOWS, EMBEDDINGS, Map.of());
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(72, bytes.length);
        assertEquals("CAGEEMB1", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, b.getInt(8));
        assertEquals(2, b.getInt(12));
        // First record: window 0, subject 7, label 4, then accel 1.0.
        assertEquals(0, b.getInt(16));
        assertEquals(7, b.getInt(20));
        assertEquals(4, b.getInt(24));
        assertArrayEquals(
                new byte[] {0, 0, (byte) 0x80, 0x3F}, java.util.Arrays.copyOfRange(bytes, 28, 32));
        EmbeddingFiles.Contents back = EmbeddingFiles.readBinary(file);
        assertArrayEquals(new int[] {7, 9}, back.subjects());
        assertArrayEquals(new int[] {4, 0}, back.labels());
        assertArrayEquals(EMBEDDINGS.gyro()[1], back.gyro()[1]);
    }

    @Test
    void csvHasDocumentedColumns() throws IOException {
        Path file = dir.resolve("e.csv");
        EmbeddingFiles.write(file, WINDOWS, EMBEDDINGS, Map.of(4, "SITTING", 0, "null"));
        assertEquals(
                "window,subject,label,accel_0,accel_1,gyro_0,gyro_1,class_name\n"
                        + "0,7,4,1.0,0.5,0.0,1.0,SITTING\n"
                        + "1,9,0,-2.0,0.25,3.0,-1.0,null\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void unknownExtensionAndDamagedFilesAreRefused() throws IOException {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                EmbeddingFiles.write(
                                        dir.resolve("e.txt"), WINDOWS, EMBEDDINGS, Map.of()));
        assertTrue(e.getMessage().contains(".csv, .bin or .f32"), e.getMessage());
        Path file = dir.resolve("e.bin");
        EmbeddingFiles.write(file, WINDOWS, EMBEDDINGS, Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        IllegalArgumentException shortFile =
                assertThrows(IllegalArgumentException.class, () -> EmbeddingFiles.readBinary(file));
        assertTrue(
                shortFile.getMessage().contains("68 bytes, expected 72"), shortFile.getMessage());
    }
}
