package org.cagekit.report;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cagekit.data.WindowSet;
import org.cagekit.eval.EncodedWindows;

/**
 * Embedding files: one row per window with its position in the split, subject, label and the two
 * embeddings.
 *
 * <h2>CSV ({@code .csv})</h2>
 *
 * Header {@code window,subject,label,accel_0..accel_{d-1},gyro_0..gyro_{d-1},class_name}; floats in
 * their shortest round-trip form.
 *
 * <h2>Binary ({@code .bin} or {@code .f32})</h2>
 *
 * Little-endian throughout:
 *
 * <pre>
 *   offset 0   8 bytes   magic, ASCII "CAGEEMB1"
 *          8   int32     n, the number of windows
 *         12   int32     d, the embedding size of one modality
 *         16   n records of 12 + 8d bytes:
 *                int32 window, int32 subject, int32 label,
 *                float32[d] accelerometer embedding, float32[d] gyroscope embedding
 * </pre>
 *
 * A file of n windows therefore has exactly {@code 16 + n (12 + 8d)} bytes. With numpy: {@code
 * np.fromfile(f, dtype=[("window","<i4"),("subject","<i4"),("label","<i4"),("accel","<f4",d),
 * ("gyro","<f4",d)], offset=16)}.
 */
public final class EmbeddingFiles {
    /** The first eight bytes of a binary embedding file. */
    public static final String MAGIC = "CAGEEMB1";

    /** The embeddings read back from a binary file. */
    public record Contents(
            int[] windows, int[] subjects, int[] labels, float[][] accel, float[][] gyro) {}

    private EmbeddingFiles() {}

    /**
     * Writes CSV or binary according to the file name's extension.
     *
     * @throws IllegalArgumentException for an extension other than .csv, .bin and .f32
     */
    public static void write(
            Path file,
            WindowSet windows,
            EncodedWindows embeddings,
            Map<Integer, String> classNames) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            writeCsv(file, windows, embeddings, classNames);
        } else if (name.endsWith(".bin") || name.endsWith(".f32")) {
            writeBinary(file, windows, embeddings);
        } else {
            throw new IllegalArgumentException(
                    file + ": unknown embedding format; name the file .csv, .bin or .f32");
        }
    }

    /** Writes the CSV form atomically. */
    public static void writeCsv(
            Path file,
            WindowSet windows,
            EncodedWindows embeddings,
            Map<Integer, String> classNames) {
        check(windows, embeddings);
        int d = embeddings.dim();
        List<String> header = new ArrayList<>(List.of("window", "subject", "label"));
        for (int i = 0; i < d; i++) {
            header.add("accel_" + i);
        }
        for (int i = 0; i < d; i++) {
            header.add("gyro_" + i);
        }
        header.add("class_name");
        CsvFile.write(
                file,
                header,
                out -> {
                    List<Object> row = new ArrayList<>(header.size());
                    for (int w = 0; w < windows.size(); w++) {
                        row.clear();
                        row.add(w);
                        row.add(windows.subject(w));
                        row.add(windows.label(w));
                        for (float v : embeddings.accel()[w]) {
                            row.add(CsvFile.number(v));
                        }
                        for (float v : embeddings.gyro()[w]) {
                            row.add(CsvFile.number(v));
                        }
                        String className = classNames.get(windows.label(w));
                        row.add(className == null ? "" : className);
                        out.printRecord(row);
                    }
                });
    }

    /** Writes the binary form atomically. */
    public static void writeBinary(Path file, WindowSet windows, EncodedWindows embeddings) {
        check(windows, embeddings);
        int d = embeddings.dim();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ByteBuffer record = ByteBuffer.allocate(12 + 8 * d).order(ByteOrder.LITTLE_ENDIAN);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                head.put(MAGIC.getBytes(StandardCharsets.US_ASCII))
                        .putInt(windows.size())
                        .putInt(d);
                out.write(head.array());
                for (int w = 0; w < windows.size(); w++) {
                    record.clear();
                    record.putInt(w).putInt(windows.subject(w)).putInt(windows.label(w));
                    for (float v : embeddings.accel()[w]) {
                        record.putFloat(v);
                    }
                    for (float v : embeddings.gyro()[w]) {
                        record.putFloat(v);
                    }
                    out.write(record.array());
                }
            }
            CsvFile.moveIntoPlace(tmp, file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a binary embedding file.
     *
     * @throws IllegalArgumentException naming the file when the magic or the length is wrong
     */
    public static Contents readBinary(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream data = new DataInputStream(in);
            byte[] head = new byte[16];
            data.readFully(head);
            ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            String magic = new String(head, 0, 8, StandardCharsets.US_ASCII);
            if (!magic.equals(MAGIC)) {
                throw new IllegalArgumentException(
                        file + ": not a cagekit embedding file (magic '" + magic + "')");
            }
            int n = h.getInt(8);
            int d = h.getInt(12);
            long expected = 16 + (long) n * (12 + 8L * d);
            if (n < 0 || d < 0 || Files.size(file) != expected) {
                throw new IllegalArgumentException(
                        file
                                + ": "
                                + Files.size(file)
                                + " bytes, expected "
                                + expected
                                + " for "
                                + n
                                + " windows of dimension "
                                + d);
            }
            int[] windows = new int[n];
            int[] subjects = new int[n];
            int[] labels = new int[n];
            float[][] accel = new float[n][d];
            float[][] gyro = new float[n][d];
            byte[] bytes = new byte[12 + 8 * d];
            ByteBuffer r = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int w = 0; w < n; w++) {
                data.readFully(bytes);
                r.clear();
                windows[w] = r.getInt();
                subjects[w] = r.getInt();
                labels[w] = r.getInt();
                for (int i = 0; i < d; i++) {
                    accel[w][i] = r.getFloat();
                }
                for (int i = 0; i < d; i++) {
                    gyro[w][i] = r.getFloat();
                }
            }
            return new Contents(windows, subjects, labels, accel, gyro);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void check(WindowSet windows, EncodedWindows embeddings) {
        if (windows.size() != embeddings.size()) {
            throw new IllegalArgumentException(
                    windows.size() + " windows but " + embeddings.size() + " embeddings");
        }
    }
}
