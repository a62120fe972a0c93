package org.cagekit.cli;

import org.cagekit.loss.LossSpec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The loss options shared by {@code train} and {@code experiment}: which loss, its temperature,
 * direction and form, the triplet settings and the combined loss weights. Use as a picocli
 * {@code @Mixin}; {@link #spec()} gives the {@link LossSpec}.
 */
public final class LossOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--loss",
            paramLabel = "NAME",
            description = "ntxent, triplet or ntxent+triplet (default: ${DEFAULT-VALUE}).",
            defaultValue = LossSpec.NTXENT)
    String loss;

    @Option(
            names = "--temperature",
            paramLabel = "MODE",
            description =
                    "NT-Xent temperature: fixed (s = 1/tau), learnable (s = exp(theta), theta"
                            + " starting at ln(1/tau), clamped to [0, ln 100]) or scheduled"
                            + " (cosine from --tau-max to --tau-min after --tau-warmup linear"
                            + " epochs) (default: ${DEFAULT-VALUE}).",
            defaultValue = "learnable")
    String temperature;

    @Option(
            names = "--tau",
            paramLabel = "TAU",
            description = "Fixed or starting temperature (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.07")
    float tau;

    @Option(
            names = "--tau-max",
            paramLabel = "TAU",
            description = "Scheduled temperature after warm-up (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.2")
    float tauMax;

    @Option(
            names = "--tau-min",
            paramLabel = "TAU",
            description = "Scheduled temperature at the last epoch (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.05")
    float tauMin;

    @Option(
            names = "--tau-warmup",
            paramLabel = "EPOCHS",
            description =
                    "Epochs over which the scheduled logit scale rises linearly from 1 to"
                            + " 1/tau-max (default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    int warmupEpochs;

    @Option(
            names = "--direction",
            paramLabel = "DIR",
            description =
                    "symmetric (both cross-entropies) or one-way (accelerometer rows only)"
                            + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "symmetric")
    String direction;

    @Option(
            names = "--form",
            paramLabel = "FORM",
            description =
                    "clip (N-1 cross-modal negatives) or simclr (2N-2 negatives, same modality"
                            + " too) (default: ${DEFAULT-VALUE}).",
            defaultValue = "clip")
    String form;

    @Option(
            names = "--mining",
            paramLabel = "RULE",
            description =
                    "Triplet negative mining: random, hard, semi-hard or batch-all (default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "semi-hard")
    String mining;

    @Option(
            names = "--distance",
            paramLabel = "NAME",
            description =
                    "Triplet distance: cosine, euclidean or squared-euclidean (default:"
                            + " ${DEFAULT-VALUE}).",
            defaultValue = "cosine")
    String distance;

    @Option(
            names = "--margin",
            paramLabel = "M",
            description = "Triplet margin (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.2")
    float margin;

    @Option(
            names = "--negatives",
            paramLabel = "FROM",
            description =
                    "Triplet negatives: cross-modal (other windows' gyroscope) or all (both"
                            + " modalities) (default: ${DEFAULT-VALUE}).",
            defaultValue = "cross-modal")
    String negatives;

    @Option(
            names = "--label-aware",
            description =
                    "Triplets from the class labels (a supervised reference, not label-free).")
    boolean labelAware;

    @Option(
            names = "--ntxent-weight",
            paramLabel = "L1",
            description = "Weight of NT-Xent in ntxent+triplet (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    float ntxentWeight;

    @Option(
            names = "--triplet-weight",
            paramLabel = "L2",
            description =
                    "Weight of the triplet term in ntxent+triplet (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    float tripletWeight;

    /**
     * The loss the options describe.
     *
     * @throws CommandLine.ParameterException naming the option whose value is not understood
     */
    public LossSpec spec() {
        try {
            return LossSpec.builder()
                    .loss(loss)
                    .temperature(LossSpec.Temperature.parse(temperature))
                    .tau(tau)
                    .tauMax(tauMax)
                    .tauMin(tauMin)
                    .warmupEpochs(warmupEpochs)
                    .direction(LossSpec.Direction.parse(direction))
                    .form(LossSpec.Form.parse(form))
                    .mining(LossSpec.Mining.parse(mining))
                    .distance(LossSpec.Distance.parse(distance))
                    .margin(margin)
                    .negatives(LossSpec.Negatives.parse(negatives))
                    .labelAware(labelAware)
                    .ntxentWeight(ntxentWeight)
                    .tripletWeight(tripletWeight)
                    .build();
        } catch (IllegalArgumentException e) {
            CommandLine cl = mixee != null ? mixee.commandLine() : new CommandLine(this);
            throw new CommandLine.ParameterException(cl, e.getMessage(), e);
        }
    }
}
