package org.cagekit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Preparer;
import org.cagekit.data.ProtocolSettings;
import org.cagekit.data.Split;
import org.cagekit.experiment.ExperimentPlan;
import org.cagekit.experiment.ExperimentRunner;
import org.cagekit.experiment.ExperimentTable;
import org.cagekit.experiment.MachineDescription;
import org.cagekit.experiment.Presets;
import org.cagekit.experiment.RunResult;
import org.cagekit.experiment.SummaryWriter;
import org.cagekit.experiment.Variant;
import org.cagekit.report.plot.RenderOptions;
import org.cagekit.report.plot.RenderResult;
import org.cagekit.report.plot.ReportRenderer;
import org.cagekit.train.LoggingListener;
import org.cagekit.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit experiment}: trains, exports and evaluates every variant of a preset with several
 * seeds and writes the comparison table.
 *
 * <pre>
 * cagekit experiment --preset reference-study --dataset hapt --protocol hapt-13 --epochs 40 \
 *     --seeds 3
 * </pre>
 *
 * writes {@code models/hapt-13/VARIANT/seed-S/} (model folder, {@code encoder.onnx}, {@code
 * parity.csv}), {@code reports/hapt-13/runs/VARIANT/seed-S.json} (one per finished run) and {@code
 * reports/hapt-13/summary.csv} and {@code summary.md}. A rerun skips finished runs and resumes an
 * interrupted one from its checkpoint.
 */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        header = "Train, export and evaluate every variant of a preset over several seeds.",
        description = {
            "Runs each variant of the preset (reference-study: random-init, three NT-Xent"
                    + " temperature modes, the triplet loss with random, hard and semi-hard"
                    + " negatives, NT-Xent + semi-hard triplet, and label-aware triplet as a"
                    + " supervised reference) with seeds S..S+N-1: trains it, exports it to ONNX"
                    + " with the parity check, and evaluates the ONNX file with a KNN classifier"
                    + " on the validation and test splits.",
            "Writes OUT/summary.csv (one line per variant and seed) and OUT/summary.md (means"
                    + " and standard deviations, quality goals, confusion matrices, the command"
                    + " line and the machine). Finished runs are skipped on a rerun; an"
                    + " interrupted one resumes from its checkpoint."
        })
public final class ExperimentCommand implements Callable<Integer> {
    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = Presets.REFERENCE_STUDY,
            description = "The variants to compare: reference-study. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin DataOptions data;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            defaultValue = "40",
            description = "Training epochs of every trained variant. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(
            names = "--seeds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Seeds per variant. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(
            names = "--first-seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "The first seed; the others follow it. Default: ${DEFAULT-VALUE}.")
    long firstSeed;

    @Option(
            names = "--variants",
            paramLabel = "NAMES",
            split = ",",
            description = "Run only these variants of the preset, in the preset's order.")
    List<String> only;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where the run results and summaries go. Default: reports/PROTOCOL.")
    Path out;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            description = "Where the model folders go. Default: models/PROTOCOL.")
    Path models;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "64",
            description = "Windows per training batch. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            defaultValue = "0.001",
            description = "Adam's initial learning rate. Default: ${DEFAULT-VALUE}.")
    float learningRate;

    @Option(
            names = "--k",
            paramLabel = "K",
            defaultValue = "7",
            description = "Neighbours voting in the evaluation. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(
            names = "--device",
            paramLabel = "NAME",
            defaultValue = "cpu",
            description = "Training device: cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "PyTorch intra-op threads; 0 leaves PyTorch's choice. Default:"
                            + " ${DEFAULT-VALUE}.")
    int threads;

    @Option(
            names = "--notes",
            paramLabel = "FILE",
            description =
                    "A Markdown file appended to summary.md under \"Notes\": what else was tried"
                            + " and which settings were chosen on the validation split.")
    Path notesFile;

    @Option(
            names = "--no-plots",
            description = "Write summary.csv and summary.md but draw no pictures.")
    boolean noPlots;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw usage("--epochs must be at least 1, found " + epochs);
        }
        if (seeds < 1) {
            throw usage("--seeds must be at least 1, found " + seeds);
        }
        List<Variant> variants;
        try {
            variants = select(Presets.variants(preset), only);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        TrainingConfig training;
        try {
            training =
                    TrainingConfig.builder()
                            .epochs(epochs)
                            .batchSize(batchSize)
                            .learningRate(learningRate)
                            .device(device)
                            .threads(threads)
                            .progressBar(false)
                            .build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ProtocolSettings settings = data.settings();
        String protocol = settings.protocol().name();
        List<Long> seedList = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            seedList.add(firstSeed + s);
        }
        ExperimentPlan plan =
                new ExperimentPlan(
                        preset,
                        variants,
                        seedList,
                        training,
                        k,
                        models != null ? models : Path.of("models", protocol),
                        out != null ? out : Path.of("reports", protocol),
                        CommandRecord.line(spec));

        PreparedData raw =
                Preparer.prepare(
                        data.dataRoot(),
                        settings.dataset().name(),
                        protocol,
                        data.options().standardise(false),
                        data.cache());
        // One read of the recordings serves both forms.
        PreparedData standardised = raw.standardised();
        ExperimentRunner runner =
                new ExperimentRunner(plan, standardised, raw, List.of(new LoggingListener()));
        List<RunResult> results = runner.runAll();

        ExperimentTable table = ExperimentTable.of(variants, results);
        Map<String, Integer> windows = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            windows.put(split.shortName(), raw.split(split).size());
        }
        SummaryWriter.Context context =
                new SummaryWriter.Context(
                        standardised.dataset(),
                        standardised.protocol(),
                        standardised.parameters(),
                        raw.classNames(),
                        windows,
                        MachineDescription.describe(device));
        Path csv = SummaryWriter.writeCsv(plan.outDir(), results);
        Path md = SummaryWriter.writeMarkdown(plan.outDir(), plan, table, context, notes());
        print(table, spec.commandLine().getOut());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "wrote %s%nwrote %s%n", csv, md);
        if (!noPlots) {
            RenderResult pictures =
                    ReportRenderer.renderExperiment(
                            plan.outDir(),
                            RenderOptions.defaults().withClassNames(raw.classNames()));
            stdout.println(pictures.summary());
        }
        stdout.flush();
        return Main.OK;
    }

    private String notes() {
        if (notesFile == null) {
            return null;
        }
        try {
            return Files.readString(notesFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --notes " + notesFile + ": " + e, e);
        }
    }

    private static List<Variant> select(List<Variant> all, List<String> names) {
        if (names == null || names.isEmpty()) {
            return all;
        }
        List<String> known = all.stream().map(Variant::name).toList();
        for (String name : names) {
            if (!known.contains(name.trim())) {
                throw new IllegalArgumentException(
                        "--variants: unknown variant '"
                                + name
                                + "'; the preset has "
                                + String.join(", ", known));
            }
        }
        return all.stream()
                .filter(v -> names.stream().anyMatch(n -> n.trim().equals(v.name())))
                .toList();
    }

    private static void print(ExperimentTable table, PrintWriter out) {
        String row = "%-26s %5s %11s %11s %11s %9s%n";
        out.printf(
                Locale.ROOT,
                row,
                "variant",
                "seeds",
                "val_acc",
                "test_acc",
                "test_wF1",
                "test_mF1");
        for (ExperimentTable.Row r : table.rows()) {
            double[] m = r.mean();
            out.printf(
                    Locale.ROOT,
                    row,
                    r.variant().name() + (r.variant().supervised() ? " (sup.)" : ""),
                    r.runs().size(),
                    String.format(
                            Locale.ROOT,
                            "%.2f %%",
                            100 * m[ExperimentTable.Column.VAL_ACCURACY.ordinal()]),
                    String.format(
                            Locale.ROOT,
                            "%.2f %%",
                            100 * m[ExperimentTable.Column.TEST_ACCURACY.ordinal()]),
                    String.format(
                            Locale.ROOT,
                            "%.4f",
                            m[ExperimentTable.Column.TEST_WEIGHTED_F1.ordinal()]),
                    String.format(
                            Locale.ROOT,
                            "%.4f",
                            m[ExperimentTable.Column.TEST_MACRO_F1.ordinal()]));
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
