package org.cagekit.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code history.csv}: what an epoch did.
 *
 * @param epoch the epoch, from 1
 * @param loss mean training loss over the epoch's windows (each batch weighted by its size)
 * @param topOne cross-modal top-1 accuracy over the epoch's training windows, within each batch
 * @param temperature mean NT-Xent temperature τ of the epoch's batches; {@code NaN} for a loss
 *     without one
 * @param learningRate the epoch's learning rate
 * @param seconds wall-clock seconds of the epoch's training batches (validation excluded)
 * @param windowsPerSecond training windows per second
 * @param validationLoss mean loss over the validation windows in fixed batches; {@code NaN} without
 *     a validation split
 * @param validationTopOne cross-modal top-1 accuracy over the validation windows
 * @param meanCosine mean pairwise cosine similarity between different windows' embeddings of the
 *     same modality, averaged over both modalities and the epoch's batches; near 1 means collapse
 * @param gradientNorm root mean square over the epoch's batches of the global gradient L2 norm
 * @param diagnostics the loss's other diagnostics, averaged over the epoch's batches, in the order
 *     the loss reported them
 */
public record EpochRecord(
        int epoch,
        float loss,
        float topOne,
        float temperature,
        float learningRate,
        double seconds,
        double windowsPerSecond,
        float validationLoss,
        float validationTopOne,
        float meanCosine,
        float gradientNorm,
        Map<String, Float> diagnostics) {

    public EpochRecord {
        // Insertion order fixes the order of the history's diagnostic columns.
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }
}
