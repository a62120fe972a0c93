package org.cagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cagekit.data.HaptDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {
    @TempDir Path tmp;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void realHaptCopyMatchesTheOfficialRelease() {
        String env = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                env != null && new HaptDataset().isPresent(Path.of(env)),
                "CAGEKIT_DATA does not point at a folder holding uci-hapt/");
        String[] r = run("datasets", "--data-dir", env);
        assertEquals("0", r[0], r[2]);
        // 125 files: README.txt, activity_labels.txt, labels.txt and 61 + 61 signal files.
        assertTrue(
                r[1].contains("  official files: 125 of 125 match (SHA-256), 0 differ, 0 missing"),
                r[1]);
        assertTrue(r[1].contains("hapt: UCI HAPT v2.1"), r[1]);
        assertTrue(r[1].contains("download: https://archive.ics.uci.edu/dataset/341"), r[1]);
        assertTrue(r[1].contains("download: https://archive.ics.uci.edu/dataset/319"), r[1]);
    }

    @Test
    void changedFileIsAWarningNotAFailure() throws Exception {
        Path hapt = tmp.resolve("uci-hapt");
        Files.createDirectories(hapt.resolve("RawData"));
        Files.writeString(hapt.resolve("RawData").resolve("labels.txt"), "1 1 1 1 5\n");
        Files.writeString(hapt.resolve("activity_labels.txt"), "1 WALKING\n");
        String[] r = run("datasets", "--data-dir", tmp.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(
                r[1].contains("data root: " + tmp.toAbsolutePath().normalize() + " (--data-dir)"));
        assertTrue(r[1].contains("status: found at " + hapt), r[1]);
        assertTrue(
                r[1].contains("official files: 0 of 125 match (SHA-256), 2 differ, 123 missing"),
                r[1]);
        // SHA-256 of the 10 bytes "1 1 1 1 5\n", computed with sha256sum.
        assertTrue(
                r[2].contains(
                        "cagekit: warning: hapt/RawData/labels.txt differs from the official"
                            + " release (SHA-256 "
                            + "720689bcce044008b8c7e2336a4c04470e08732775f19ce4d0ae73c190ef4aa9,"
                            + " expected"
                            + " 1949f448935cf0b5f914405b7111c65e7cdc0427ab517710a04ece7d7dec934e)"),
                r[2]);
        assertTrue(r[1].contains("mhealth: mHealth"), r[1]);
        assertTrue(r[1].contains("status: not found (expected under " + tmp.resolve("mhealth")));
    }
}
