package org.cagekit.eval;

import java.util.List;
import java.util.SortedMap;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;

/**
 * Everything an evaluation computed: per evaluated split the windows, their embeddings, the KNN
 * outcome, the metrics and the embedding distances; the accuracy for a range of k; timings.
 *
 * @param settings the settings used
 * @param model the model file's name
 * @param dataset dataset name
 * @param protocol protocol name
 * @param classNames class id to name
 * @param referenceWindows the number of reference embeddings
 * @param splits validation then test
 * @param kSweep accuracy for each k of {@link Evaluator#K_SWEEP} not larger than the reference set
 * @param embeddedWindows windows embedded (references and queries)
 * @param embedSeconds wall time of embedding them
 * @param knnSeconds wall time of the neighbour searches
 */
public record EvaluationResult(
        Evaluator.Settings settings,
        String model,
        String dataset,
        String protocol,
        SortedMap<Integer, String> classNames,
        int referenceWindows,
        List<SplitResult> splits,
        List<KPoint> kSweep,
        long embeddedWindows,
        double embedSeconds,
        double knnSeconds) {

    /** The outcome on one split. */
    public record SplitResult(
            Split split,
            WindowSet windows,
            EncodedWindows embeddings,
            Classification classification,
            ClassificationMetrics metrics,
            List<EmbeddingDistances.ClassDistances> distances) {}

    /** Accuracy and macro F1 at one k. */
    public record KPoint(
            int k,
            double valAccuracy,
            double testAccuracy,
            double valMacroF1,
            double testMacroF1) {}

    /**
     * The result on one split.
     *
     * @throws IllegalArgumentException when that split was not evaluated
     */
    public SplitResult split(Split split) {
        return splits.stream()
                .filter(s -> s.split() == split)
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        split.shortName() + " was not evaluated"));
    }

    /** The class name of an id, or the id as text when the protocol names no such class. */
    public String className(int label) {
        String name = classNames.get(label);
        return name == null ? Integer.toString(label) : name;
    }
}
