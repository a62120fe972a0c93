package org.cagekit.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Writes small data folders in the genuine HAPT layout for tests. */
final class TinyHapt {
    static final String ACTIVITY_LABELS =
            "1 WALKING\n2 WALKING_UPSTAIRS\n3 WALKING_DOWNSTAIRS\n4 SITTING\n5 STANDING\n"
                    + "6 LAYING\n7 STAND_TO_SIT\n8 SIT_TO_STAND\n9 SIT_TO_LIE\n10 LIE_TO_SIT\n"
                    + "11 STAND_TO_LIE\n12 LIE_TO_STAND\n";

    private final Path dir;

    private TinyHapt(Path root) {
        this.dir = root.resolve("uci-hapt");
    }

    /** A HAPT folder under {@code root} with activity_labels.txt and the given labels.txt. */
    static TinyHapt create(Path root, String labels) {
        TinyHapt hapt = new TinyHapt(root);
        hapt.write("activity_labels.txt", ACTIVITY_LABELS);
        hapt.write("RawData/labels.txt", labels);
        return hapt;
    }

    Path dir() {
        return dir;
    }

    /** Rows {@code t, 2t, -t} scaled by {@code scale}, for t = 0..rows-1. */
    static String ramp(int rows, double scale) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < rows; t++) {
            sb.append(
                    String.format(Locale.ROOT, "%s %s %s%n", scale * t, 2 * scale * t, -scale * t));
        }
        return sb.toString();
    }

    /** Writes acc and gyro files of an experiment, {@code rows} ramp rows each. */
    TinyHapt experiment(int exp, int user, int rows) {
        String name = String.format(Locale.ROOT, "exp%02d_user%02d.txt", exp, user);
        write("RawData/acc_" + name, ramp(rows, 0.001));
        write("RawData/gyro_" + name, ramp(rows, 0.01));
        return this;
    }

    /** Writes a file relative to the HAPT folder; a name ending in .gz is compressed. */
    Path write(String relative, String content) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
            if (relative.endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(bytes);
                }
            } else {
                Files.write(file, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
