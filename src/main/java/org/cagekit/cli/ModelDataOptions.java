package org.cagekit.cli;

import java.nio.file.Path;
import org.cagekit.data.DataLocation;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.data.WindowCache;
import org.cagekit.eval.ModelData;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options of the commands that run an exported model on data: the model file, where the data is,
 * and the dataset and protocol, which default to the ones in the model card. Naming a dataset or
 * protocol other than the card's is a usage error that names both. Use as a picocli {@code @Mixin}.
 */
public final class ModelDataOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "FILE.onnx",
            description = "Exported model (cagekit export).")
    Path model;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Folder holding the dataset folders. Default: $CAGEKIT_DATA, else ./datasets.")
    Path dataDir;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Dataset; must match the model card's. Default: the card's.")
    String dataset;

    @Option(
            names = "--protocol",
            paramLabel = "NAME",
            description =
                    "Protocol; must match the model card's. Default: the card's, with the"
                            + " parameters recorded there.")
    String protocol;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "256",
            description = "Windows per ONNX Runtime call. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads for ONNX Runtime and the neighbour search. Default: all cores.")
    Integer threads;

    @Option(
            names = "--no-cache",
            description = "Prepare from the raw files and leave the window cache untouched.")
    boolean noCache;

    /** The model file. */
    Path model() {
        return model;
    }

    int batchSize() {
        if (batchSize < 1) {
            throw usage("--batch-size must be at least 1, found " + batchSize);
        }
        return batchSize;
    }

    int threads() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw usage("--threads must be at least 1, found " + n);
        }
        return n;
    }

    /**
     * Prepares the card's dataset and protocol with the card's parameters.
     *
     * @throws CommandLine.ParameterException when --dataset or --protocol contradicts the card
     */
    PreparedData prepare(ModelCard card) {
        if (dataset != null && !dataset.equalsIgnoreCase(card.dataset)) {
            throw usage(
                    "--dataset "
                            + dataset
                            + " conflicts with the model's dataset "
                            + card.dataset
                            + " ("
                            + model
                            + ")");
        }
        if (protocol != null && !protocol.equalsIgnoreCase(card.protocol)) {
            throw usage(
                    "--protocol "
                            + protocol
                            + " conflicts with the model's protocol "
                            + card.protocol
                            + " ("
                            + model
                            + ")");
        }
        WindowCache cache = noCache ? WindowCache.disabled() : WindowCache.standard();
        return ModelData.prepare(DataLocation.resolve(dataDir), card, cache);
    }

    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }
}
