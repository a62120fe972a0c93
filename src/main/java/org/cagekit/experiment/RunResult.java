package org.cagekit.experiment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one (variant, seed) run of an experiment produced; its file marks the run as finished.
 *
 * @param variant the variant's name
 * @param supervised whether the variant read class labels in training
 * @param seed the run's seed
 * @param epochs completed training epochs (0 for an untrained encoder)
 * @param bestEpoch the epoch whose parameters were exported (lowest validation loss; 0 untrained)
 * @param trainSeconds seconds spent in training batches, summed over the epochs of {@code
 *     history.csv}, so a resumed run counts every epoch once
 * @param parityMaxAbsDiff the largest embedding difference between ONNX Runtime and DJL in the
 *     export's parity check
 * @param validation scores on the validation split
 * @param test scores on the test split
 * @param settings every setting that determines the run's result; a rerun with other settings does
 *     not reuse the file
 */
public record RunResult(
        String variant,
        boolean supervised,
        long seed,
        int epochs,
        int bestEpoch,
        double trainSeconds,
        double parityMaxAbsDiff,
        SplitScores validation,
        SplitScores test,
        Map<String, String> settings) {

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    public RunResult {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        settings = new LinkedHashMap<>(Objects.requireNonNull(settings, "settings"));
    }

    /** Writes the result as JSON to a temporary name beside {@code file}, then moves it. */
    public void write(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(tmp, GSON.toJson(this) + "\n", StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
    }

    /**
     * Reads a result written by {@link #write}.
     *
     * @throws IllegalArgumentException when the file is not such a result
     */
    public static RunResult read(Path file) {
        try {
            RunResult r =
                    GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RunResult.class);
            if (r == null) {
                throw new IllegalArgumentException(file + " is empty; delete it to rerun the run");
            }
            return r;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    file
                            + " is not a run result ("
                            + e.getMessage()
                            + "); delete it to rerun the run",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }
}
