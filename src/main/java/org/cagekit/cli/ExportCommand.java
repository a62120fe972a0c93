package org.cagekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cagekit.data.DataLocation;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Preparer;
import org.cagekit.data.ProtocolOptions;
import org.cagekit.data.Split;
import org.cagekit.export.ExportOptions;
import org.cagekit.export.ModelExport;
import org.cagekit.export.ParityReport;
import org.cagekit.train.ModelFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit export}: writes a trained model folder's encoder as an ONNX file, after checking
 * it against DJL on the validation split of the model's own protocol.
 *
 * <p>The protocol is rebuilt from the model card's parameters, with the windows left
 * unstandardised, so the check feeds the exported graph exactly what an evaluator will. stdout gets
 * the parity table and the files written:
 *
 * <pre>
 * check       windows  batch  max_abs_diff  knn_agreement  passed
 * reference      3482    256     1.788e-07                 true
 * validation      517    256     1.788e-07       100.00 %  true
 * batch-1           1      1     8.941e-08                 true
 * batch-7           7      7     1.490e-07                 true
 * batch-64         64     64     1.490e-07                 true
 * wrote run/encoder.onnx (opset 17, standardisation in the graph)
 * wrote run/parity.csv
 * </pre>
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        header = "Export a trained encoder to ONNX, checked against DJL.",
        description = {
            "Translates the model folder's encoder into an ONNX graph (inputs accel and gyro"
                    + " [N, channels, window], outputs accel_embedding, gyro_embedding and"
                    + " embedding), runs it in ONNX Runtime and the DJL model on the validation"
                    + " split and on batches of 1, 7 and 64 windows, and keeps the file only if"
                    + " every embedding agrees within 1e-5 and KNN predictions agree on every"
                    + " validation window. The figures go to parity.csv in the model folder.",
            "Exit status 1 and no file written when a block cannot be translated or parity"
                    + " fails."
        })
public final class ExportCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "The model folder written by train (model.json, best.params ...).")
    Path model;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "The ONNX file to write. Default: DIR/encoder.onnx.")
    Path out;

    @Option(
            names = "--opset",
            paramLabel = "N",
            defaultValue = "" + ExportOptions.DEFAULT_OPSET,
            description =
                    "ONNX opset to target, "
                            + ExportOptions.MIN_OPSET
                            + " to "
                            + ExportOptions.MAX_OPSET
                            + ". Default: ${DEFAULT-VALUE}.")
    int opset;

    @Option(
            names = "--no-normalisation",
            description =
                    "Leave the train split's standardisation out of the graph; the metadata then"
                            + " says so, and callers must standardise the windows themselves.")
    boolean noNormalisation;

    @Option(
            names = "--last",
            description = "Export the last epoch's parameters instead of the best epoch's.")
    boolean last;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Folder holding the dataset folders, for the parity check. Default:"
                            + " $CAGEKIT_DATA, else ./datasets.")
    Path dataDir;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (opset < ExportOptions.MIN_OPSET || opset > ExportOptions.MAX_OPSET) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--opset must be between "
                            + ExportOptions.MIN_OPSET
                            + " and "
                            + ExportOptions.MAX_OPSET
                            + ", found "
                            + opset);
        }
        ExportOptions options = new ExportOptions(opset, !noNormalisation);
        Path target = out != null ? out : model.resolve("encoder.onnx");
        long begin = System.nanoTime();
        try (ModelFolder.Loaded loaded = ModelFolder.load(model, !last)) {
            ModelCard card = loaded.card();
            PreparedData data = prepare(card);
            ModelExport.Result result =
                    ModelExport.export(
                            loaded.block(),
                            card,
                            data.split(Split.TRAIN),
                            data.split(Split.VALIDATION),
                            target,
                            model.resolve("parity.csv"),
                            options);
            PrintWriter stdout = spec.commandLine().getOut();
            printParity(result.parity(), stdout);
            stdout.printf(
                    Locale.ROOT,
                    "wrote %s (opset %d, standardisation %s)%n",
                    result.onnxFile(),
                    opset,
                    noNormalisation ? "left to the caller" : "in the graph");
            stdout.printf(Locale.ROOT, "wrote %s%n", result.parityFile());
            stdout.flush();
        }
        PrintWriter stderr = spec.commandLine().getErr();
        stderr.printf(
                Locale.ROOT,
                "export and parity check took %.1f s%n",
                (System.nanoTime() - begin) / 1e9);
        stderr.flush();
        return Main.OK;
    }

    /** The model's protocol, rebuilt from its card, with unstandardised windows. */
    private PreparedData prepare(ModelCard card) {
        ProtocolOptions options =
                ProtocolOptions.fromParameters(card.protocolParameters).standardise(false);
        PreparedData data =
                Preparer.prepare(
                        DataLocation.resolve(dataDir), card.dataset, card.protocol, options);
        if (data.windowLength() != card.windowLength
                || !data.accelChannels().equals(card.accelChannels)
                || !data.gyroChannels().equals(card.gyroChannels)) {
            throw new IllegalArgumentException(
                    model.resolve(ModelFolder.MODEL_JSON)
                            + ": windows of "
                            + card.windowLength
                            + " samples with channels "
                            + card.accelChannels
                            + " + "
                            + card.gyroChannels
                            + " expected, but the protocol now gives "
                            + data.windowLength()
                            + " samples with "
                            + data.accelChannels()
                            + " + "
                            + data.gyroChannels());
        }
        return data;
    }

    static void printParity(ParityReport report, PrintWriter out) {
        String row = "%-10s  %7s  %5s  %12s  %13s  %s%n";
        out.printf(
                Locale.ROOT,
                row,
                "check",
                "windows",
                "batch",
                "max_abs_diff",
                "knn_agreement",
                "passed");
        for (ParityReport.Row r : report.rows()) {
            out.printf(
                    Locale.ROOT,
                    row,
                    r.check(),
                    r.windows(),
                    r.batchSize(),
                    String.format(Locale.ROOT, "%.3e", r.maxAbsDiff()),
                    Double.isNaN(r.knnAgreement())
                            ? ""
                            : String.format(Locale.ROOT, "%.2f %%", 100 * r.knnAgreement()),
                    r.passed(report.tolerance()));
        }
    }
}
