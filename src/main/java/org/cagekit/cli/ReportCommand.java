package org.cagekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cagekit.report.plot.RenderOptions;
import org.cagekit.report.plot.RenderResult;
import org.cagekit.report.plot.ReportRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit report --from reports/RUN}: redraws a report folder's pictures, coordinate tables
 * and {@code index.html} from its CSV files alone, with no model and no data. A folder with a
 * {@code summary.csv} is drawn as an experiment. Pictures whose source file is absent are listed on
 * stderr and on the page; the command still succeeds.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        header = "Redraw the pictures and the HTML page of a report folder from its CSV files.",
        description = {
            "A run's folder (written by evaluate or pipeline) gets split_embeddings.png (t-SNE of"
                    + " the accelerometer and gyroscope test embeddings), pca.png,"
                    + " confusion_test.png, confusion_val.png, training.png and knn_k.png, the"
                    + " coordinate tables tsne_accel.csv, tsne_gyro.csv and pca.csv, and"
                    + " index.html, each where its source CSV is present.",
            "An experiment's folder (with summary.csv) gets summary.png, one confusion matrix per"
                    + " variant summed over its seeds, and index.html.",
            "index.html opens from disk: no server, no network, no script."
        })
public final class ReportCommand implements Callable<Integer> {
    @Option(
            names = "--from",
            required = true,
            paramLabel = "DIR",
            description = "The report folder, for example reports/RUN.")
    Path from;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the t-SNE subsample and layout. Default: ${DEFAULT-VALUE}.")
    long seed = RenderOptions.defaults().seed();

    @Option(
            names = "--tsne-points",
            paramLabel = "N",
            description =
                    "Most windows in a t-SNE map; above it a class-stratified seeded subsample"
                            + " is drawn (time grows as N squared). Default: ${DEFAULT-VALUE}.")
    int tsnePoints = RenderOptions.defaults().tsnePoints();

    @Option(
            names = "--tsne-perplexity",
            paramLabel = "P",
            description = "t-SNE perplexity. Default: ${DEFAULT-VALUE}.")
    double perplexity = RenderOptions.defaults().tsnePerplexity();

    @Option(
            names = "--tsne-iterations",
            paramLabel = "N",
            description = "t-SNE iterations, at least 250. Default: ${DEFAULT-VALUE}.")
    int iterations = RenderOptions.defaults().tsneIterations();

    @Option(names = "--no-html", description = "Draw the pictures only, not index.html.")
    boolean noHtml;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RenderOptions options;
        try {
            options =
                    RenderOptions.defaults()
                            .withSeed(seed)
                            .withTsnePoints(tsnePoints)
                            .withTsnePerplexity(perplexity)
                            .withTsneIterations(iterations)
                            .withHtml(!noHtml);
        } catch (IllegalArgumentException e) {
            // An out-of-range option value is a usage error, like a malformed one.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        RenderResult result =
                ReportRenderer.isExperiment(from)
                        ? ReportRenderer.renderExperiment(from, options)
                        : ReportRenderer.render(from, options);
        for (String skipped : result.skipped()) {
            err.println("cagekit: not drawn: " + skipped);
        }
        out.println(result.summary());
        out.flush();
        err.flush();
        return Main.OK;
    }
}
