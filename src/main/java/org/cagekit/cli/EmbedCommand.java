package org.cagekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cagekit.data.ModelCard;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;
import org.cagekit.eval.EncodedWindows;
import org.cagekit.eval.Evaluator;
import org.cagekit.eval.OnnxEncoder;
import org.cagekit.report.EmbeddingFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cagekit embed}: runs an exported model with ONNX Runtime on one split and writes the
 * embeddings with each window's position, subject and label, as CSV or in the binary form of {@link
 * EmbeddingFiles} (chosen by the extension of --out). Needs no DJL.
 */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        header = "Write the embeddings of one split, computed from an exported model.",
        description = {
            "Prepares the model's dataset and protocol with the parameters in its model card,"
                    + " embeds the windows of one split with ONNX Runtime and writes them with"
                    + " window index, subject and label.",
            "--out FILE.csv writes CSV (window,subject,label,accel_0..,gyro_0..,class_name);"
                    + " FILE.bin or FILE.f32 the little-endian binary form: the magic CAGEEMB1,"
                    + " int32 n, int32 d, then per window int32 window, subject, label and"
                    + " float32 accel[d], gyro[d]."
        })
public final class EmbedCommand implements Callable<Integer> {
    @Mixin ModelDataOptions model;

    @Option(
            names = "--split",
            paramLabel = "SPLIT",
            defaultValue = "test",
            converter = SplitConverter.class,
            description = "train, val or test. Default: ${DEFAULT-VALUE}.")
    Split split;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Output file: .csv, .bin or .f32.")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".bin") && !name.endsWith(".f32")) {
            throw model.usage("--out " + out + ": name the file .csv, .bin or .f32");
        }
        long begin = System.nanoTime();
        try (OnnxEncoder encoder = OnnxEncoder.open(model.model(), model.threads())) {
            ModelCard card = encoder.card();
            PreparedData data = model.prepare(card);
            WindowSet windows = Evaluator.modelInput(encoder, data, split);
            EncodedWindows embeddings = encoder.encode(windows, model.batchSize());
            EmbeddingFiles.write(out, data.split(split), embeddings, data.classNames());
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(
                    Locale.ROOT,
                    "%d %s windows of %s/%s embedded (2 x %d) in %.1f s -> %s%n",
                    embeddings.size(),
                    split.shortName(),
                    data.dataset(),
                    data.protocol(),
                    embeddings.dim(),
                    (System.nanoTime() - begin) / 1e9,
                    out);
            stdout.flush();
        }
        return Main.OK;
    }

    /** Parses a split name; a bad name is a usage error. */
    static final class SplitConverter extends NameConverter<Split> {
        SplitConverter() {
            super(Split::parse);
        }
    }
}
