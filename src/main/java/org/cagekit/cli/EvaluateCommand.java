package org.cagekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.eval.DistanceMetric;
import org.cagekit.eval.EvaluationResult;
import org.cagekit.eval.Evaluator;
import org.cagekit.eval.OnnxEncoder;
import org.cagekit.eval.ReferenceSplits;
import org.cagekit.eval.VoteWeights;
import org.cagekit.report.EvaluationReport;
import org.cagekit.report.plot.RenderOptions;
import org.cagekit.report.plot.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit evaluate}: KNN evaluation of an exported model from the {@code .onnx} file alone,
 * with ONNX Runtime and without DJL. Prints a one-line summary; the CSV reports go to --out (see
 * {@link EvaluationReport}).
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        header = "Evaluate an exported model by KNN on its validation and test splits.",
        description = {
            "Prepares the model's dataset and protocol with the parameters in its model card,"
                + " embeds the reference split(s) and the validation and test splits with ONNX"
                + " Runtime, classifies each validation and test window by its k nearest reference"
                + " embeddings (exact brute force, scikit-learn semantics) and writes metrics.csv,"
                + " per_class_*.csv, confusion_*.csv, predictions_*.csv, embedding_distances.csv,"
                + " knn_k.csv, embeddings_test.csv and evaluation.csv.",
            "Ties between classes go to the smallest class id; ties in distance at the k-th"
                    + " place to the reference earlier in the split."
        })
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin ModelDataOptions model;

    @Option(
            names = "--k",
            paramLabel = "K",
            defaultValue = "7",
            description = "Neighbours that vote. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(
            names = "--metric",
            paramLabel = "METRIC",
            defaultValue = "cosine",
            converter = MetricConverter.class,
            description = "cosine (1 - cos) or euclidean. Default: ${DEFAULT-VALUE}.")
    DistanceMetric metric;

    @Option(
            names = "--weights",
            paramLabel = "WEIGHTS",
            defaultValue = "distance",
            converter = WeightsConverter.class,
            description =
                    "distance (1/d; neighbours at distance 0 alone vote) or uniform (majority)."
                            + " Default: ${DEFAULT-VALUE}.")
    VoteWeights weights;

    @Option(
            names = "--fit-on",
            paramLabel = "SPLITS",
            defaultValue = "train",
            converter = FitOnConverter.class,
            description =
                    "Reference splits: train, or train+val (validation figures then include"
                            + " the references themselves). Default: ${DEFAULT-VALUE}.")
    ReferenceSplits fitOn;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Report folder, for example reports/RUN/.")
    Path out;

    @Option(
            names = "--no-plots",
            description = "Write the CSV reports but draw no pictures and no index.html.")
    boolean noPlots;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (k < 1) {
            throw model.usage("--k must be at least 1, found " + k);
        }
        Evaluator.Settings settings =
                new Evaluator.Settings(
                        k, metric, weights, fitOn, model.batchSize(), model.threads());
        try (OnnxEncoder encoder = OnnxEncoder.open(model.model(), model.threads())) {
            ModelCard card = encoder.card();
            PreparedData data = model.prepare(card);
            EvaluationResult result = new Evaluator(encoder, settings).evaluate(data);
            EvaluationReport.write(result, out);
            // The page shows the model's metadata and how the report was made.
            card.write(out.resolve("model.json"));
            CommandRecord.write(out, spec);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(EvaluationReport.summary(result) + " -> " + out);
            stdout.flush();
            if (!noPlots) {
                ReportRenderer.render(
                        out, RenderOptions.defaults().withClassNames(data.classNames()));
            }
        }
        return Main.OK;
    }

    /** Parses a metric name; a bad name is a usage error. */
    static final class MetricConverter extends NameConverter<DistanceMetric> {
        MetricConverter() {
            super(DistanceMetric::parse);
        }
    }

    /** Parses a weighting name; a bad name is a usage error. */
    static final class WeightsConverter extends NameConverter<VoteWeights> {
        WeightsConverter() {
            super(VoteWeights::parse);
        }
    }

    /** Parses the reference splits; a bad name is a usage error. */
    static final class FitOnConverter extends NameConverter<ReferenceSplits> {
        FitOnConverter() {
            super(ReferenceSplits::parse);
        }
    }
}
