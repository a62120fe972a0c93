package org.cagekit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Preparer;
import org.cagekit.data.ProtocolSettings;
import org.cagekit.data.Split;
import org.cagekit.eval.EvaluationResult;
import org.cagekit.eval.Evaluator;
import org.cagekit.eval.OnnxEncoder;
import org.cagekit.export.ModelExport;
import org.cagekit.report.EvaluationReport;
import org.cagekit.report.plot.RenderOptions;
import org.cagekit.report.plot.ReportRenderer;
import org.cagekit.train.LoggingListener;
import org.cagekit.train.ModelFolder;
import org.cagekit.train.ProgressBarListener;
import org.cagekit.train.Trainer;
import org.cagekit.train.TrainingConfig;
import org.cagekit.train.TrainingListener;
import org.cagekit.train.TrainingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit pipeline}: prepare, train, export with the parity check, evaluate and draw, in one
 * go, into {@code models/RUN} and {@code reports/RUN}.
 *
 * <p>Each stage is the one the single commands run ({@code train}, {@code export}, {@code
 * evaluate}, {@code report}), so the report folder is exactly what {@code cagekit evaluate --model
 * models/RUN/encoder.onnx --out reports/RUN} would write from the ONNX file alone. The default of
 * {@value #DEFAULT_EPOCHS} epochs keeps a hapt-13 run within about a quarter of an hour on a 2-core
 * CPU.
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        defaultValueProvider = PipelineCommand.Defaults.class,
        header = "Prepare, train, export, evaluate and draw one run in one command.",
        description = {
            "Trains an encoder on the protocol's train split, exports it to"
                    + " models/RUN/encoder.onnx (kept only if ONNX Runtime agrees with DJL),"
                    + " evaluates the ONNX file by KNN on the validation and test splits and"
                    + " writes the CSV reports, pictures and index.html to reports/RUN.",
            "An interrupted run continues with the same command and --resume."
        })
public final class PipelineCommand implements Callable<Integer> {
    /** Epochs when --epochs is not given. */
    public static final int DEFAULT_EPOCHS = 20;

    @Mixin DataOptions data;

    @Mixin LossOptions loss;

    @Mixin TrainingOptions training;

    @Spec CommandSpec spec;

    @Option(
            names = "--run",
            paramLabel = "NAME",
            description =
                    "Run name, the folder under --models and --reports."
                            + " Default: PROTOCOL-LOSS, for example hapt-13-ntxent.")
    String run;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            defaultValue = "models",
            description = "Where model folders go. Default: ${DEFAULT-VALUE}.")
    Path modelsDir;

    @Option(
            names = "--reports",
            paramLabel = "DIR",
            defaultValue = "reports",
            description = "Where report folders go. Default: ${DEFAULT-VALUE}.")
    Path reportsDir;

    @Option(
            names = "--k",
            paramLabel = "K",
            defaultValue = "7",
            description = "Neighbours that vote in the evaluation. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--no-plots", description = "Write the CSV reports but draw no pictures.")
    boolean noPlots;

    @Override
    public Integer call() {
        ProtocolSettings settings = data.settings();
        TrainingConfig config = training.config(loss.spec());
        if (k < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--k must be at least 1, found " + k);
        }
        String name =
                run != null
                        ? run
                        : settings.protocol().name() + "-" + config.loss().loss().replace('+', '-');
        if (name.isEmpty()
                || name.equals(".")
                || name.equals("..")
                || name.contains("/")
                || name.contains("\\")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--run must be a plain folder name without '/' and not '.' or '..', found '"
                            + name
                            + "'");
        }
        Path modelDir = modelsDir.resolve(name);
        Path reportDir = reportsDir.resolve(name);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long begin = System.nanoTime();

        PreparedData raw =
                Preparer.prepare(
                        data.dataRoot(),
                        settings.dataset().name(),
                        settings.protocol().name(),
                        data.options().standardise(false),
                        data.cache());
        // One read of the recordings serves both forms.
        PreparedData standardised = raw.standardised();
        long prepared = System.nanoTime();
        int references = raw.split(Split.TRAIN).size();
        if (k > references) {
            // Known before training: the train windows are the KNN references.
            throw new IllegalArgumentException(
                    "--k "
                            + k
                            + " exceeds the "
                            + references
                            + " train windows that serve as KNN references");
        }

        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new LoggingListener());
        if (config.progressBar()) {
            listeners.add(new ProgressBarListener(System.err));
        }
        TrainingResult trained = Trainer.train(standardised, config, modelDir, listeners);
        if (trained.interrupted()) {
            err.println(
                    "cagekit: training stopped after "
                            + trained.epochsRun()
                            + " epochs; continue with the same command and --resume");
            err.flush();
            return Main.FAILURE;
        }
        for (String warning : trained.warnings()) {
            err.println("warning: " + warning);
        }
        long trainedAt = System.nanoTime();

        Path onnx = modelDir.resolve("encoder.onnx");
        ModelExport.Result exported = ModelExport.exportBest(modelDir, raw);
        long exportedAt = System.nanoTime();

        Evaluator.Settings defaults = Evaluator.Settings.defaults();
        Evaluator.Settings evaluation =
                new Evaluator.Settings(
                        k,
                        defaults.metric(),
                        defaults.weights(),
                        defaults.fitOn(),
                        defaults.batchSize(),
                        defaults.threads());
        EvaluationResult result;
        try (OnnxEncoder encoder = OnnxEncoder.open(onnx, evaluation.threads())) {
            result = new Evaluator(encoder, evaluation).evaluate(raw);
        }
        EvaluationReport.write(result, reportDir);
        copyInto(reportDir, modelDir.resolve(ModelFolder.HISTORY_CSV));
        copyInto(reportDir, modelDir.resolve(ModelFolder.MODEL_JSON));
        copyInto(reportDir, exported.parityFile());
        CommandRecord.write(reportDir, spec);
        long evaluatedAt = System.nanoTime();
        if (!noPlots) {
            ReportRenderer.render(reportDir, RenderOptions.defaults());
        }
        long end = System.nanoTime();

        out.println(EvaluationReport.summary(result) + " -> " + reportDir);
        out.printf(
                Locale.ROOT,
                "%s: prepare %.1f s, train %.1f s (%d epochs), export %.1f s (max |diff| %.2e),"
                        + " evaluate %.1f s, plots %.1f s, total %.1f s%n",
                name,
                seconds(begin, prepared),
                seconds(prepared, trainedAt),
                trained.epochsRun(),
                seconds(trainedAt, exportedAt),
                exported.parity().maxAbsDiff(),
                seconds(exportedAt, evaluatedAt),
                seconds(evaluatedAt, end),
                seconds(begin, end));
        out.flush();
        return Main.OK;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void copyInto(Path dir, Path file) {
        Path target = dir.resolve(file.getFileName());
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try {
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " to " + dir + ": " + e, e);
        }
    }

    /** The pipeline's own defaults, where they differ from {@code train}'s. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
            if (argSpec.isOption()
                    && ((CommandLine.Model.OptionSpec) argSpec).longestName().equals("--epochs")) {
                return Integer.toString(DEFAULT_EPOCHS);
            }
            return null;
        }
    }
}
