package org.cagekit.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a training run did.
 *
 * @param modelDir the model folder
 * @param epochsRun completed epochs, counting those of earlier runs a resume continued
 * @param seconds training time of this invocation, wall clock
 * @param finalLoss mean training loss of the last completed epoch ({@code NaN} if none)
 * @param finalTopOne cross-modal top-1 accuracy of the last completed epoch
 * @param finalValidationLoss validation loss after the last completed epoch ({@code NaN} without a
 *     validation split)
 * @param bestValidationLoss the lowest validation loss of any epoch (without a validation split,
 *     the lowest training loss)
 * @param bestEpoch the epoch (from 1) with that loss, whose parameters are {@code best.params}
 * @param history the {@code history.csv} file
 * @param interrupted whether the run stopped early on request (Ctrl-C or a listener); its
 *     checkpoint then allows {@code --resume}
 * @param warnings degenerate-training warnings raised during the run
 */
public record TrainingResult(
        Path modelDir,
        int epochsRun,
        double seconds,
        float finalLoss,
        float finalTopOne,
        float finalValidationLoss,
        float bestValidationLoss,
        int bestEpoch,
        Path history,
        boolean interrupted,
        List<String> warnings) {

    public TrainingResult {
        warnings = List.copyOf(warnings);
    }
}
