package org.cagekit.train;

import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The resume state of a model folder: {@code checkpoint/} with {@code model.params} (the block's
 * parameters), {@code optimizer.bin} (Adam's step count and moments) and {@code state.json} (the
 * position in the run, the best epoch so far, the history rows, and the running sums of a partly
 * done epoch).
 *
 * <p>A checkpoint is written whole into {@code checkpoint.tmp/}, then {@code checkpoint/} is
 * renamed to {@code checkpoint.old/}, {@code checkpoint.tmp/} to {@code checkpoint/}, and the old
 * one deleted; a crash at any point leaves either the new or the previous checkpoint complete, and
 * {@link #read} falls back to {@code checkpoint.old/} when {@code checkpoint/} is missing.
 */
final class Checkpoint {
    static final String PARAMS = "model.params";
    static final String OPTIMIZER = "optimizer.bin";
    static final String STATE = "state.json";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** Where a run stands; plain fields for Gson. */
    static final class State {
        /** The epoch to run next, from 0. */
        int epoch;

        /** The batch of {@link #epoch} to run next; 0 at an epoch boundary. */
        int batch;

        /** Sums of the batches of {@link #epoch} done before the checkpoint. */
        EpochTotals partial;

        float bestValidationLoss = Float.POSITIVE_INFINITY;
        int bestEpoch;
        List<EpochRecord> history = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
    }

    private Checkpoint() {}

    static void write(Path dir, Block block, AdamOptimizer optimizer, State state) {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            ModelFolder.writeParameters(block, tmp.resolve(PARAMS));
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(tmp.resolve(OPTIMIZER)))) {
                optimizer.save(out);
            }
            Files.writeString(tmp.resolve(STATE), GSON.toJson(state), StandardCharsets.UTF_8);
            deleteTree(old);
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + dir + ": " + e, e);
        }
    }

    /** Whether {@code dir} or its fallback holds a checkpoint. */
    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(STATE))
                || Files.isRegularFile(
                        dir.resolveSibling(dir.getFileName() + ".old").resolve(STATE));
    }

    /** The folder to read: {@code dir}, or its fallback after an interrupted swap. */
    static Path readable(Path dir) {
        if (Files.isRegularFile(dir.resolve(STATE))) {
            return dir;
        }
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        if (Files.isRegularFile(old.resolve(STATE))) {
            return old;
        }
        throw new IllegalArgumentException(
                "no checkpoint to resume from in " + dir.getParent() + " (" + dir + " is missing)");
    }

    static State readState(Path dir) {
        Path file = readable(dir).resolve(STATE);
        try {
            State state =
                    GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), State.class);
            if (state == null || state.history == null) {
                throw new IllegalArgumentException(file + ": not a cagekit checkpoint state");
            }
            return state;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(
                    file + ": not a cagekit checkpoint state: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }

    static void readOptimizer(Path dir, AdamOptimizer optimizer) {
        Path file = readable(dir).resolve(OPTIMIZER);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            optimizer.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read optimizer state " + file + ": " + e, e);
        }
    }

    static Path parameters(Path dir) {
        return readable(dir).resolve(PARAMS);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
