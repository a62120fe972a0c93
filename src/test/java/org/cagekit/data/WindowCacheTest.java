package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window cache on a small HAPT folder: round trip, staleness and corruption. */
class WindowCacheTest {
    @TempDir Path root;
    @TempDir Path cacheDir;

    private static final ProtocolOptions FEW_USERS =
            ProtocolOptions.defaults()
                    .trainUsers(List.of(1))
                    .valUsers(List.of(28))
                    .testUsers(List.of(2));

    private TinyHapt hapt() {
        return TinyHapt.create(root, "1 1 1 1 300\n56 28 4 100 300\n3 2 5 1 400\n")
                .experiment(1, 1, 400)
                .experiment(56, 28, 400)
                .experiment(3, 2, 400);
    }

    private PreparedData prepare(WindowCache cache) {
        return Preparer.prepare(root, "hapt", "hapt-13", FEW_USERS, cache);
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            List<Path> list = files.toList();
            assertEquals(1, list.size(), list.toString());
            return list.get(0);
        }
    }

    @Test
    void cachedDataEqualsFreshData() throws IOException {
        hapt();
        WindowCache cache = WindowCache.in(cacheDir);
        PreparedData fresh = prepare(cache);
        Path file = onlyFile();
        assertTrue(file.getFileName().toString().endsWith(".cagewin"));
        PreparedData cached = prepare(cache);
        assertEquals(fresh.parameters(), cached.parameters());
        assertEquals(fresh.classNames(), cached.classNames());
        assertEquals(fresh.accelChannels(), cached.accelChannels());
        assertArrayEquals(fresh.normalisation().gyroStd(), cached.normalisation().gyroStd());
        for (Split s : Split.values()) {
            assertArrayEquals(fresh.split(s).accel(), cached.split(s).accel());
            assertArrayEquals(fresh.split(s).gyro(), cached.split(s).gyro());
            assertArrayEquals(fresh.split(s).labels(), cached.split(s).labels());
            assertArrayEquals(fresh.split(s).starts(), cached.split(s).starts());
            assertArrayEquals(fresh.split(s).subjects(), cached.split(s).subjects());
        }
        // n = 400, train stride 64: starts 0..256 (256 + 128 = 384 < 400), 5 windows;
        // stride 128: starts 0, 128, 256, 3 windows.
        assertEquals(5, cached.split(Split.TRAIN).size());
        assertEquals(3, cached.split(Split.TEST).size());
    }

    @Test
    void corruptFileIsDetectedAndRebuilt() throws IOException {
        hapt();
        WindowCache cache = WindowCache.in(cacheDir);
        PreparedData fresh = prepare(cache);
        Path file = onlyFile();
        String key = file.getFileName().toString().replace(".cagewin", "");
        long size = Files.size(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            // Flip one byte of the window data, well past the header.
            long at = size - 100;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xff);
        }
        assertNull(cache.load(key), "a flipped byte must fail the checksum");
        PreparedData rebuilt = prepare(cache);
        assertArrayEquals(fresh.split(Split.TEST).gyro(), rebuilt.split(Split.TEST).gyro());
        assertEquals(size, Files.size(onlyFile()));
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size - 7);
        }
        assertNull(cache.load(key), "a truncated file must be rejected");
    }

    @Test
    void changedInputOrParameterSelectsAnotherKey() throws IOException {
        TinyHapt hapt = hapt();
        ProtocolSettings s = Preparer.settings("hapt", "hapt-13", FEW_USERS);
        List<Path> inputs = s.dataset().inputFiles(hapt.dir(), s.allUsers());
        String key = WindowCache.key(s, hapt.dir(), inputs);
        ProtocolSettings other = Preparer.settings("hapt", "hapt-13", FEW_USERS.cutoffHz(15));
        assertNotEquals(key, WindowCache.key(other, hapt.dir(), inputs));
        Path acc = hapt.dir().resolve("RawData/acc_exp01_user01.txt");
        Files.setLastModifiedTime(acc, FileTime.fromMillis(1_000_000_000_000L));
        assertNotEquals(key, WindowCache.key(s, hapt.dir(), inputs));
    }

    @Test
    void fileWithAnotherKeyIsStale() throws IOException {
        hapt();
        WindowCache cache = WindowCache.in(cacheDir);
        prepare(cache);
        Path file = onlyFile();
        String otherKey = "0".repeat(64);
        Files.copy(file, cache.file(otherKey));
        assertNull(cache.load(otherKey));
    }
}
