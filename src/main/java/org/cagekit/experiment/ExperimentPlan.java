package org.cagekit.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.cagekit.train.TrainingConfig;

/**
 * What an experiment runs and where it writes.
 *
 * @param preset the preset's name, for the report
 * @param variants the variants, in table order
 * @param seeds the seeds every variant is run with
 * @param training the settings shared by every trained variant (epochs, batch size, learning
 *     rate...); its loss and seed are replaced per run
 * @param k neighbours voting in the evaluation's KNN classifier
 * @param modelsDir where the model folders go, one per variant and seed
 * @param outDir where the run results, {@code summary.csv} and {@code summary.md} go
 * @param commandLine the command line that made the experiment, recorded in {@code summary.md}
 */
public record ExperimentPlan(
        String preset,
        List<Variant> variants,
        List<Long> seeds,
        TrainingConfig training,
        int k,
        Path modelsDir,
        Path outDir,
        String commandLine) {

    public ExperimentPlan {
        Objects.requireNonNull(preset, "preset");
        variants = List.copyOf(variants);
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(commandLine, "commandLine");
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one variant");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one seed");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("seeds must differ, found " + seeds);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, found " + k);
        }
    }
}
