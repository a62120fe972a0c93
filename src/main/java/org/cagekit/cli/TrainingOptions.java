package org.cagekit.cli;

import org.cagekit.loss.LossSpec;
import org.cagekit.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The optimiser, schedule, seed, device and architecture options of the commands that train: {@code
 * train} and {@code pipeline}. Use as a picocli {@code @Mixin}; {@link #config} turns them, with a
 * loss, into a {@link TrainingConfig}.
 */
public final class TrainingOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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
            description = "Continue the checkpoint in the model folder with the same settings.")
    boolean resume;

    @Option(names = "--no-progress", description = "Draw no progress bar.")
    boolean noProgress;

    /**
     * The training settings these options and the given loss describe.
     *
     * @throws CommandLine.ParameterException when a value is out of range (exit code 2)
     */
    TrainingConfig config(LossSpec loss) {
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
                    .loss(loss)
                    .width(width)
                    .depth(depth)
                    .embeddingDim(embeddingDim)
                    .kernel(kernel)
                    .threads(threads)
                    .resume(resume)
                    .progressBar(!noProgress)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage(), e);
        }
    }
}
