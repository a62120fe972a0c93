package org.cagekit.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of prepared windows, one file per dataset copy and protocol setting.
 *
 * <p>Location: {@code $CAGEKIT_CACHE} when set, else {@code ~/.cache/cagekit}; files go into its
 * {@code windows/} sub-folder as {@code <key>.cagewin}. The key is the SHA-256 of the cache format
 * and preparation versions, the dataset and protocol names, every protocol parameter, and the
 * relative path, size and modification time of every input file: changing a parameter or touching a
 * data file selects another key, so a stale file is never read.
 *
 * <p>File format (big-endian throughout):
 *
 * <pre>
 * bytes 0-7     magic "CAGEWIN1"
 * int32         format version (1)
 * int32         header length H
 * H bytes       UTF-8 JSON header: key, dataset, protocol, parameters, samplingRateHz,
 *               windowLength, accelChannels, gyroChannels, classNames, accelMean, accelStd,
 *               gyroMean, gyroStd, and per split {split, windows, accelChannels, gyroChannels,
 *               length}
 * per split, in header order:
 *   int32[n]    labels, then int32[n] subjects, then int32[n] starts
 *   float32[n * accelChannels * length]   accelerometer windows [n][channel][time]
 *   float32[n * gyroChannels * length]    gyroscope windows
 * 32 bytes      SHA-256 of every byte before it
 * </pre>
 *
 * <p>A file with the wrong magic, version, key or parameters, a size that does not match its
 * header, or a checksum mismatch is reported (warning) and rebuilt. Files are written to a
 * temporary name in the same folder and moved into place, so a reader never sees half a file.
 */
public final class WindowCache {
    /** The environment variable naming the cache folder. */
    public static final String ENVIRONMENT_VARIABLE = "CAGEKIT_CACHE";

    private static final Logger LOG = LoggerFactory.getLogger(WindowCache.class);
    private static final byte[] MAGIC = "CAGEWIN1".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;

    /** Raised whenever the preparation steps change what they produce. */
    private static final int PREPARATION_VERSION = 1;

    private static final Gson GSON = new GsonBuilder().create();
    private static final Charset UTF8 = StandardCharsets.UTF_8;
    private static final int CHUNK = 1 << 16;

    private final Path directory;

    private WindowCache(Path directory) {
        this.directory = directory;
    }

    /** The cache under {@code $CAGEKIT_CACHE}, else {@code ~/.cache/cagekit}. */
    public static WindowCache standard() {
        return new WindowCache(defaultDirectory().resolve("windows"));
    }

    /** The default cache folder (without the {@code windows/} part). */
    public static Path defaultDirectory() {
        String env = System.getenv(ENVIRONMENT_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "cagekit");
    }

    /** A cache whose files go directly into {@code directory}. */
    public static WindowCache in(Path directory) {
        return new WindowCache(directory);
    }

    /** A cache that never holds anything. */
    public static WindowCache disabled() {
        return new WindowCache(null);
    }

    /** The folder of the files, or null when disabled. */
    public Path directory() {
        return directory;
    }

    /** The file a key is stored in, or null when disabled. */
    public Path file(String key) {
        return directory == null ? null : directory.resolve(key + ".cagewin");
    }

    /** The cache key of a preparation. */
    static String key(ProtocolSettings settings, Path datasetDir, List<Path> inputs) {
        StringBuilder text = new StringBuilder();
        text.append("format=").append(FORMAT_VERSION).append('\n');
        text.append("preparation=").append(PREPARATION_VERSION).append('\n');
        text.append("dataset=").append(settings.dataset().name()).append('\n');
        text.append("protocol=").append(settings.protocol().name()).append('\n');
        settings.parameters().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        for (Path input : inputs) {
            try {
                BasicFileAttributes a = Files.readAttributes(input, BasicFileAttributes.class);
                text.append(datasetDir.relativize(input).toString().replace('\\', '/'))
                        .append(' ')
                        .append(a.size())
                        .append(' ')
                        .append(a.lastModifiedTime().toMillis())
                        .append('\n');
            } catch (IOException e) {
                throw new IllegalArgumentException(input + ": cannot read file attributes", e);
            }
        }
        return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(UTF8)));
    }

    /**
     * The data stored under {@code key}, or null when absent, stale or corrupt (the last two are
     * logged as warnings).
     */
    public PreparedData load(String key) {
        Path file = file(key);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            PreparedData data = read(file, key);
            LOG.debug("windows read from cache {}", file);
            return data;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cache file {} is unusable ({}); rebuilding it", file, e.getMessage());
            return null;
        }
    }

    /** Stores data under {@code key}; a failure to write is logged and otherwise ignored. */
    public void store(String key, PreparedData data) {
        Path file = file(key);
        if (file == null) {
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(directory);
            tmp = Files.createTempFile(directory, key, ".tmp");
            write(tmp, key, data);
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.debug("windows written to cache {}", file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write cache file {}: {}", file, e.getMessage());
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is left behind; the next store uses another name
                }
            }
        }
    }

    /** Writes one cache file. */
    static void write(Path file, String key, PreparedData data) throws IOException {
        MessageDigest digest = sha256();
        try (OutputStream raw = Files.newOutputStream(file);
                BufferedOutputStream buffered = new BufferedOutputStream(raw, CHUNK)) {
            DigestOutputStream dout = new DigestOutputStream(buffered, digest);
            DataOutputStream out = new DataOutputStream(dout);
            byte[] header = GSON.toJson(Header.of(key, data)).getBytes(UTF8);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(header.length);
            out.write(header);
            for (Split split : data.splits().keySet()) {
                WindowSet w = data.split(split);
                writeInts(out, w.labels());
                writeInts(out, w.subjects());
                writeInts(out, w.starts());
                writeFloats(out, w.accel());
                writeFloats(out, w.gyro());
            }
            out.flush();
            buffered.write(digest.digest());
        }
    }

    /** Reads one cache file, checking magic, version, key, size and checksum. */
    static PreparedData read(Path file, String key) throws IOException {
        long size = Files.size(file);
        MessageDigest digest = sha256();
        try (InputStream raw = Files.newInputStream(file);
                BufferedInputStream buffered = new BufferedInputStream(raw, CHUNK)) {
            DataInputStream in = new DataInputStream(new DigestInputStream(buffered, digest));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a cagekit window cache (bad magic)");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("format version " + version + ", expected " + FORMAT_VERSION);
            }
            int headerLength = in.readInt();
            if (headerLength <= 0 || headerLength > size) {
                throw new IOException("header length " + headerLength + " is impossible");
            }
            byte[] headerBytes = new byte[headerLength];
            in.readFully(headerBytes);
            Header header;
            try {
                header = GSON.fromJson(new String(headerBytes, UTF8), Header.class);
            } catch (JsonParseException e) {
                throw new IOException("unreadable header: " + e.getMessage(), e);
            }
            if (header == null || !key.equals(header.key)) {
                throw new IOException("stale: written for another key");
            }
            long expected = MAGIC.length + 8L + headerLength + 32;
            for (SplitHeader s : header.splits) {
                expected +=
                        4L * s.windows * (3 + (long) (s.accelChannels + s.gyroChannels) * s.length);
            }
            if (expected != size) {
                throw new IOException(
                        "size "
                                + size
                                + " bytes, the header implies "
                                + expected
                                + " (truncated?)");
            }
            Map<Split, WindowSet> splits = new EnumMap<>(Split.class);
            for (SplitHeader s : header.splits) {
                int n = s.windows;
                int[] labels = readInts(in, n);
                int[] subjects = readInts(in, n);
                int[] starts = readInts(in, n);
                float[] accel = readFloats(in, n * s.accelChannels * s.length);
                float[] gyro = readFloats(in, n * s.gyroChannels * s.length);
                splits.put(
                        Split.parse(s.split),
                        new WindowSet(
                                s.accelChannels,
                                s.gyroChannels,
                                s.length,
                                accel,
                                gyro,
                                labels,
                                subjects,
                                starts));
            }
            byte[] actual = digest.digest();
            byte[] stored = new byte[32];
            try {
                new DataInputStream(buffered).readFully(stored);
            } catch (EOFException e) {
                throw new IOException("checksum missing (truncated)", e);
            }
            if (!Arrays.equals(actual, stored)) {
                throw new IOException("checksum mismatch (corrupt)");
            }
            return new PreparedData(
                    header.dataset,
                    header.protocol,
                    header.parameters,
                    header.samplingRateHz,
                    header.windowLength,
                    header.accelChannels,
                    header.gyroChannels,
                    header.classNames,
                    new Normalisation(
                            header.accelMean, header.accelStd, header.gyroMean, header.gyroStd),
                    splits);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < values.length; ) {
            int count = Math.min(values.length - i, CHUNK / 4);
            buffer.clear();
            buffer.asIntBuffer().put(values, i, count);
            out.write(buffer.array(), 0, count * 4);
            i += count;
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < values.length; ) {
            int count = Math.min(values.length - i, CHUNK / 4);
            buffer.clear();
            buffer.asFloatBuffer().put(values, i, count);
            out.write(buffer.array(), 0, count * 4);
            i += count;
        }
    }

    private static int[] readInts(DataInputStream in, int n) throws IOException {
        int[] values = new int[n];
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < n; ) {
            int count = Math.min(n - i, CHUNK / 4);
            in.readFully(chunk, 0, count * 4);
            ByteBuffer.wrap(chunk, 0, count * 4).asIntBuffer().get(values, i, count);
            i += count;
        }
        return values;
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] values = new float[n];
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < n; ) {
            int count = Math.min(n - i, CHUNK / 4);
            in.readFully(chunk, 0, count * 4);
            ByteBuffer.wrap(chunk, 0, count * 4).asFloatBuffer().get(values, i, count);
            i += count;
        }
        return values;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }

    /** The JSON header of a cache file. */
    private static final class Header {
        String key;
        String dataset;
        String protocol;
        LinkedHashMap<String, String> parameters;
        double samplingRateHz;
        int windowLength;
        List<String> accelChannels;
        List<String> gyroChannels;
        TreeMap<Integer, String> classNames;
        float[] accelMean;
        float[] accelStd;
        float[] gyroMean;
        float[] gyroStd;
        List<SplitHeader> splits;

        static Header of(String key, PreparedData data) {
            Header h = new Header();
            h.key = key;
            h.dataset = data.dataset();
            h.protocol = data.protocol();
            h.parameters = new LinkedHashMap<>(data.parameters());
            h.samplingRateHz = data.samplingRateHz();
            h.windowLength = data.windowLength();
            h.accelChannels = data.accelChannels();
            h.gyroChannels = data.gyroChannels();
            h.classNames = new TreeMap<>(data.classNames());
            Normalisation n = data.normalisation();
            h.accelMean = n.accelMean();
            h.accelStd = n.accelStd();
            h.gyroMean = n.gyroMean();
            h.gyroStd = n.gyroStd();
            h.splits = new ArrayList<>();
            for (Map.Entry<Split, WindowSet> e : data.splits().entrySet()) {
                SplitHeader s = new SplitHeader();
                s.split = e.getKey().shortName();
                s.windows = e.getValue().size();
                s.accelChannels = e.getValue().accelChannels();
                s.gyroChannels = e.getValue().gyroChannels();
                s.length = e.getValue().length();
                h.splits.add(s);
            }
            return h;
        }
    }

    /** The shape of one split in a cache file's header. */
    private static final class SplitHeader {
        String split;
        int windows;
        int accelChannels;
        int gyroChannels;
        int length;
    }
}
