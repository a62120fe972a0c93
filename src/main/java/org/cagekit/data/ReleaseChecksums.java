package org.cagekit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of every file of the official dataset releases, kept in the resource {@code
 * official-checksums.txt} (lines {@code <sha256> <dataset>/<path>}), and the check of a local copy
 * against them.
 *
 * <p>A file stored as {@code name.gz} is checked by the digest of its decompressed bytes, so a
 * compressed copy of an official file still counts as official.
 */
public final class ReleaseChecksums {
    private static final String RESOURCE = "official-checksums.txt";
    private static final Map<String, Map<String, String>> BY_DATASET = load();

    private ReleaseChecksums() {}

    /** The outcome of checking one file. */
    public enum Status {
        /** The digest equals the official one. */
        MATCH,
        /** The file exists but its digest differs. */
        MISMATCH,
        /** No such file (plain or {@code .gz}) in the local copy. */
        MISSING
    }

    /**
     * One checked file.
     *
     * @param path path relative to the dataset folder, as in the official list
     * @param status the outcome
     * @param expected the official SHA-256
     * @param actual the local SHA-256, or null when missing
     */
    public record Result(String path, Status status, String expected, String actual) {}

    /** Official digests of one dataset, path relative to its folder to SHA-256, in list order. */
    public static Map<String, String> of(String dataset) {
        return BY_DATASET.getOrDefault(dataset, Map.of());
    }

    /**
     * Computes the SHA-256 of every officially listed file of {@code dataset} under {@code
     * datasetDir}, in list order.
     */
    public static List<Result> verify(String dataset, Path datasetDir) {
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, String> e : of(dataset).entrySet()) {
            Path plain = datasetDir.resolve(e.getKey());
            Path gz = datasetDir.resolve(e.getKey() + ".gz");
            Path file = Files.isRegularFile(plain) ? plain : Files.isRegularFile(gz) ? gz : null;
            if (file == null) {
                results.add(new Result(e.getKey(), Status.MISSING, e.getValue(), null));
                continue;
            }
            String actual = sha256(file);
            Status status = actual.equals(e.getValue()) ? Status.MATCH : Status.MISMATCH;
            results.add(new Result(e.getKey(), status, e.getValue(), actual));
        }
        return results;
    }

    /** SHA-256 in lower-case hex of a file's bytes, of the decompressed bytes for {@code .gz}. */
    public static String sha256(Path file) {
        try (InputStream in = CompressedText.open(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            try (DigestInputStream din = new DigestInputStream(in, digest)) {
                while (din.read(buffer) >= 0) {
                    // reading feeds the digest
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> map = new LinkedHashMap<>();
        InputStream in = ReleaseChecksums.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
        }
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String hash = line.substring(0, 64);
                String path = line.substring(66);
                int slash = path.indexOf('/');
                map.computeIfAbsent(path.substring(0, slash), k -> new LinkedHashMap<>())
                        .put(path.substring(slash + 1), hash);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
        map.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        return Collections.unmodifiableMap(map);
    }
}
