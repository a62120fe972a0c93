package org.cagekit.export;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;
import org.cagekit.model.CageModel;
import org.cagekit.train.ModelFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An export with its parity check: the only way an {@code .onnx} file reaches its final name.
 *
 * <p>Steps: translate the model ({@link OnnxExporter}; an untranslatable block fails here, before
 * anything is written), write it to {@code NAME.tmp} beside the target, run the {@link ParityCheck}
 * on that file, and only if every check passes write {@code parity.csv} and move the file to its
 * name. On any failure the temporary file is deleted: neither the {@code .onnx} file nor {@code
 * parity.csv} is written, and files from an earlier export are left as they were.
 */
public final class ModelExport {
    private static final Logger LOG = LoggerFactory.getLogger(ModelExport.class);

    private ModelExport() {}

    /**
     * What an export wrote.
     *
     * @param onnxFile the exported model
     * @param parityFile the parity figures
     * @param parity the figures themselves
     */
    public record Result(Path onnxFile, Path parityFile, ParityReport parity) {}

    /**
     * Exports the best epoch of a model folder to {@code MODEL_DIR/encoder.onnx} with the default
     * opset and the standardisation in the graph, checking it on the protocol's own windows; the
     * figures go to {@code MODEL_DIR/parity.csv}.
     *
     * @param modelDir a folder written by the trainer
     * @param raw the model's protocol, filtered but not standardised
     * @throws ParityException when a check fails; nothing is written
     */
    public static Result exportBest(Path modelDir, PreparedData raw) {
        try (ModelFolder.Loaded loaded = ModelFolder.load(modelDir, true)) {
            return export(
                    loaded.block(),
                    loaded.card(),
                    raw.split(Split.TRAIN),
                    raw.split(Split.VALIDATION),
                    modelDir.resolve("encoder.onnx"),
                    modelDir.resolve("parity.csv"),
                    ExportOptions.defaults());
        }
    }

    /**
     * Exports and checks one model.
     *
     * @param model the trained (or initialised) model
     * @param card its card
     * @param reference the train split, filtered but not standardised
     * @param validation the validation split, filtered but not standardised
     * @param out the {@code .onnx} file to write
     * @param parityFile where the parity figures go
     * @param options opset and standardisation
     * @throws ParityException when a check fails; nothing is written
     * @throws IllegalArgumentException when a block cannot be translated; nothing is written
     */
    public static Result export(
            CageModel model,
            ModelCard card,
            WindowSet reference,
            WindowSet validation,
            Path out,
            Path parityFile,
            ExportOptions options) {
        if (validation.length() != card.windowLength) {
            throw new IllegalArgumentException(
                    "validation windows have "
                            + validation.length()
                            + " samples, but the model card's windowLength is "
                            + card.windowLength);
        }
        OnnxMl.ModelProto proto = new OnnxExporter(options).toModel(model, card, Instant.now());
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
        try {
            OnnxExporter.write(proto, tmp);
            ParityReport parity =
                    new ParityCheck(model, card.normalisation(), options.normalisationInGraph())
                            .run(tmp, reference, validation);
            if (!parity.passed()) {
                throw new ParityException(
                        "ONNX Runtime and DJL disagree beyond "
                                + parity.tolerance()
                                + ": "
                                + parity.summary()
                                + "; no file was written",
                        parity);
            }
            parity.write(parityFile);
            Files.move(
                    tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("exported {}: {}", out, parity.summary());
            return new Result(out, parityFile, parity);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmp + " to " + out + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("cannot delete temporary file {}: {}", tmp, e.toString());
            }
        }
    }
}
