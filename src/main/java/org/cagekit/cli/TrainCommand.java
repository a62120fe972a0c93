package org.cagekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cagekit.data.PreparedData;
import org.cagekit.train.LoggingListener;
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
 * {@code cagekit train}: trains an encoder on a protocol's train split and writes its model folder.
 * Progress (a bar per epoch, one log line per epoch, warnings) goes to stderr; the summary line
 * goes to stdout:
 *
 * <pre>
 * models/hapt13-ntxent: 40 epochs in 512.3 s, loss 1.2345, top-1 0.612, best val loss 1.9876 (epoch 37)
 * </pre>
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        header = "Train a contrastive accelerometer-gyroscope encoder with DJL.",
        description = {
            "Prepares the protocol's windows, trains both encoders with the chosen loss and Adam,"
                    + " validates after every epoch and writes the model folder: model.json,"
                    + " training.json, best.params, last.params, history.csv and a checkpoint"
                    + " for --resume. Ctrl-C saves a checkpoint and exits."
        })
public final class TrainCommand implements Callable<Integer> {
    @Mixin DataOptions data;

    @Mixin LossOptions loss;

    @Spec CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The model folder to write, for example models/hapt13-ntxent.")
    Path out;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Epochs (default: ${DEFAULT-VALUE}).",
            defaultValue = "40")
    int epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Windows per batch, at least 2 (default: ${DEFAULT-VALUE}).",
            defaultValue = "64")
    int batchSize;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Adam's initial learning rate (default: ${DEFAULT-VALUE}).",
            defaultValue = "1e-3")
    float learningRate;

    @Option(
            names = "--weight-decay",
            paramLabel = "LAMBDA",
            description = "Weight decay added to Adam's gradient (default: ${DEFAULT-VALUE}).",
            defaultValue = "1e-7")
    float weightDecay;

    @Option(
            names = "--schedule",
            paramLabel = "NAME",
            description =
                    "Learning-rate schedule: step (x --step-factor every --step-epochs epochs) or"
                            + " cosine (default: ${DEFAULT-VALUE}).",
            defaultValue = "step")
    String schedule;

    @Option(
            names = "--step-epochs",
            paramLabel = "N",
            description = "Epochs between steps of the step schedule (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int stepEpochs;

    @Option(
            names = "--step-factor",
            paramLabel = "F",
            description = "Factor of each step of the step schedule (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.5")
    float stepFactor;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description =
                    "Seed of initialisation and shuffling; the same seed gives the same history"
                            + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    long seed;

    @Option(
            names = "--device",
            paramLabel = "DEV",
            description =
                    "cpu, or gpu where a CUDA build of the PyTorch natives and a GPU are present"
                            + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "cpu")
    String device;

    @Option(
            names = "--width",
            paramLabel = "N",
            description = "Filters per convolution (default: ${DEFAULT-VALUE}).",
            defaultValue = "64")
    int width;

    @Option(
            names = "--depth",
            paramLabel = "N",
            description = "Convolution layers per encoder (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int depth;

    @Option(
            names = "--embedding-dim",
            paramLabel = "D",
            description = "Embedding size per modality (default: ${DEFAULT-VALUE}).",
            defaultValue = "64")
    int embeddingDim;

    @Option(
            names = "--kernel",
            paramLabel = "K",
            description = "Convolution kernel size, odd (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int kernel;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "PyTorch intra-op threads; 0 leaves PyTorch's choice. One is the default:"
                            + " on a busy 2-core machine, spinning OpenMP workers made 2 threads"
                            + " 8 times slower (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int threads;

    @Option(
            names = "--resume",
            description = "Continue the checkpoint in --out with the same settings.")
    boolean resume;

    @Option(names = "--no-progress", description = "Draw no progress bar.")
    boolean noProgress;

    /** The training settings the options describe. */
    TrainingConfig config() {
        try {
            return TrainingConfig.builder()
                    .epochs(epochs)
                    .batchSize(batchSize)
                    .learningRate(learningRate)
                    .weightDecay(weightDecay)
                    .schedule(TrainingConfig.Schedule.parse(schedule))
                    .stepEpochs(stepEpochs)
                    .stepFactor(stepFactor)
                    .seed(seed)
                    .device(device)
                    .loss(loss.spec())
                    .width(width)
                    .depth(depth)
                    .embeddingDim(embeddingDim)
                    .kernel(kernel)
                    .threads(threads)
                    .resume(resume)
                    .progressBar(!noProgress)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        TrainingConfig config = config();
        PreparedData prepared = data.prepare();
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new LoggingListener());
        if (config.progressBar()) {
            listeners.add(new ProgressBarListener(System.err));
        }
        TrainingResult r = Trainer.train(prepared, config, out, listeners);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "%s: %d epochs in %.1f s, loss %.4f, top-1 %.3f, best val loss %.4f (epoch %d)%s%n",
                out,
                r.epochsRun(),
                r.seconds(),
                r.finalLoss(),
                r.finalTopOne(),
                r.bestValidationLoss(),
                r.bestEpoch(),
                r.interrupted() ? "; interrupted, continue with --resume" : "");
        stdout.flush();
        return Main.OK;
    }
}
