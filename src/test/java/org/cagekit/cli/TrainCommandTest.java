package org.cagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static String data() {
        String env = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                env != null && Files.isDirectory(Path.of(env, "uci-hapt")),
                "CAGEKIT_DATA does not point at a folder holding uci-hapt/");
        return env;
    }

    @Test
    void trainsOneEpochOnTwoUsersAndRefusesToOverwrite() throws Exception {
        String dir = tmp.resolve("m").toString();
        String[] args = {
            "train",
            "--data-dir",
            data(),
            "--dataset",
            "hapt",
            "--protocol",
            "hapt-13",
            "--train-users",
            "1",
            "--val-users",
            "28",
            "--test-users",
            "2",
            "--epochs",
            "1",
            "--temperature",
            "fixed",
            "--tau",
            "0.1",
            "--no-progress",
            "--no-cache",
            "--out",
            dir
        };
        assertEquals(Main.OK, run(args), err.toString());
        assertTrue(out.toString().startsWith(dir + ": 1 epochs in "), out.toString());
        assertTrue(Files.isRegularFile(Path.of(dir, "model.json")));
        assertTrue(Files.readString(Path.of(dir, "model.json")).contains("\"tau\": \"0.1\""));
        assertEquals(Main.FAILURE, run(args));
        assertTrue(err.toString().contains("already holds a model"), err.toString());
    }

    @Test
    void badLossOptionsAreUsageErrors() {
        assertEquals(
                Main.USAGE,
                run("train", "--temperature", "warm", "--out", tmp.resolve("x").toString()));
        assertTrue(err.toString().contains("unknown temperature 'warm'"), err.toString());
        assertEquals(
                Main.USAGE,
                run("train", "--batch-size", "1", "--out", tmp.resolve("y").toString()));
        assertTrue(err.toString().contains("batch size must be at least 2"), err.toString());
    }
}
