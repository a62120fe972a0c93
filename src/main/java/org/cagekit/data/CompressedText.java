package org.cagekit.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening a dataset file that may be stored plain or gzip-compressed. */
final class CompressedText {
    private CompressedText() {}

    /**
     * The file itself when it exists, else {@code file.gz} when that exists, else null.
     *
     * @param file the plain name, for example {@code RawData/labels.txt}
     */
    static Path find(Path file) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    /** The plain name of a file: its name without a trailing {@code .gz}. */
    static String plainName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /** The bytes of a file, decompressed when its name ends in {@code .gz}. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return file.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(raw, 1 << 16)
                    : new BufferedInputStream(raw, 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }
}
