package org.cagekit.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cagekit.data.ModelCard;
import org.cagekit.data.Normalisation;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates an exported encoder on prepared windows: embeds the reference splits (train, or train
 * and validation) and the validation and test splits with ONNX Runtime, classifies validation and
 * test windows by their nearest reference embeddings, and scores the predictions.
 *
 * <p>The feature compared is the model's {@code embedding} output, the concatenation of the
 * accelerometer and gyroscope embeddings. One neighbour search per split with the largest k needed
 * serves both the chosen k and the sweep over {@link #K_SWEEP} (see {@link KnnClassifier#vote}).
 *
 * <p>Windows must be in the form the model expects: when the graph standardises its inputs ({@link
 * OnnxEncoder#normalisedInGraph()}), they must be prepared without standardisation; when it does
 * not, unstandardised windows are standardised here with the statistics in the model card, the ones
 * the model was trained with.
 */
public final class Evaluator {
    /** The values of k whose accuracies are reported beside the chosen one. */
    public static final List<Integer> K_SWEEP = List.of(1, 3, 5, 7, 9, 15, 25);

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    /**
     * How to evaluate.
     *
     * @param k neighbours that vote
     * @param metric the distance
     * @param weights how neighbours vote
     * @param fitOn the splits whose embeddings are the references
     * @param batchSize windows per ONNX Runtime call
     * @param threads worker threads of the neighbour search
     */
    public record Settings(
            int k,
            DistanceMetric metric,
            VoteWeights weights,
            ReferenceSplits fitOn,
            int batchSize,
            int threads) {
        public Settings {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(fitOn, "fitOn");
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1, found " + k);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException(
                        "batch size must be at least 1, found " + batchSize);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, found " + threads);
            }
        }

        /** k = 7, cosine, distance weights, train references, batch 256, every processor. */
        public static Settings defaults() {
            return new Settings(
                    7,
                    DistanceMetric.COSINE,
                    VoteWeights.DISTANCE,
                    ReferenceSplits.TRAIN,
                    256,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private final OnnxEncoder encoder;
    private final Settings settings;

    public Evaluator(OnnxEncoder encoder, Settings settings) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Runs the evaluation.
     *
     * @param data windows of every split, prepared by the model's protocol
     * @throws IllegalArgumentException when k exceeds the number of reference windows (naming
     *     both), or the windows are standardised although the graph standardises itself
     */
    public EvaluationResult evaluate(PreparedData data) {
        long embedStart = System.nanoTime();
        long embedded = 0;
        List<float[]> reference = new ArrayList<>();
        List<Integer> referenceLabels = new ArrayList<>();
        EncodedWindows val = null;
        for (Split split : settings.fitOn().splits()) {
            EncodedWindows e =
                    encoder.encode(modelInput(encoder, data, split), settings.batchSize());
            embedded += e.size();
            if (split == Split.VALIDATION) {
                val = e;
            }
            int[] labels = data.split(split).labels();
            for (int i = 0; i < e.size(); i++) {
                reference.add(e.joint()[i]);
                referenceLabels.add(labels[i]);
            }
        }
        if (val == null) {
            val = encoder.encode(modelInput(encoder, data, Split.VALIDATION), settings.batchSize());
            embedded += val.size();
        }
        EncodedWindows test =
                encoder.encode(modelInput(encoder, data, Split.TEST), settings.batchSize());
        embedded += test.size();
        double embedSeconds = (System.nanoTime() - embedStart) / 1e9;

        int references = reference.size();
        if (settings.k() > references) {
            throw new IllegalArgumentException(
                    "k = "
                            + settings.k()
                            + " exceeds the number of reference embeddings ("
                            + references
                            + " windows of "
                            + settings.fitOn().cliName()
                            + ")");
        }
        int searchK = settings.k();
        for (int k : K_SWEEP) {
            if (k <= references) {
                searchK = Math.max(searchK, k);
            }
        }
        KnnClassifier knn =
                new KnnClassifier(
                        reference.toArray(new float[0][]),
                        referenceLabels.stream().mapToInt(Integer::intValue).toArray(),
                        searchK,
                        settings.metric(),
                        settings.weights(),
                        settings.threads());
        long knnStart = System.nanoTime();
        Neighbours valNeighbours = knn.neighbours(val.joint());
        Neighbours testNeighbours = knn.neighbours(test.joint());
        double knnSeconds = (System.nanoTime() - knnStart) / 1e9;

        List<EvaluationResult.SplitResult> splits = new ArrayList<>();
        splits.add(score(data, Split.VALIDATION, val, knn.vote(valNeighbours, settings.k())));
        splits.add(score(data, Split.TEST, test, knn.vote(testNeighbours, settings.k())));
        List<EvaluationResult.KPoint> sweep = new ArrayList<>();
        int[] valTruth = data.split(Split.VALIDATION).labels();
        int[] testTruth = data.split(Split.TEST).labels();
        for (int k : K_SWEEP) {
            if (k > references) {
                continue;
            }
            ClassificationMetrics v =
                    ClassificationMetrics.of(valTruth, labels(knn, valNeighbours, k));
            ClassificationMetrics t =
                    ClassificationMetrics.of(testTruth, labels(knn, testNeighbours, k));
            sweep.add(
                    new EvaluationResult.KPoint(
                            k, v.accuracy(), t.accuracy(), v.macro().f1(), t.macro().f1()));
        }
        LOG.debug(
                "embedded {} windows in {} s; {} + {} queries against {} references in {} s",
                embedded,
                String.format(Locale.ROOT, "%.2f", embedSeconds),
                val.size(),
                test.size(),
                references,
                String.format(Locale.ROOT, "%.2f", knnSeconds));
        return new EvaluationResult(
                settings,
                encoder.file().getFileName().toString(),
                data.dataset(),
                data.protocol(),
                data.classNames(),
                references,
                splits,
                sweep,
                embedded,
                embedSeconds,
                knnSeconds);
    }

    /**
     * The windows of a split in the form the model takes: as prepared when the graph standardises
     * them itself, otherwise standardised with the model card's statistics (unless the protocol
     * already standardised them).
     *
     * @throws IllegalArgumentException when the windows are standardised but the graph standardises
     *     too, which would standardise twice
     */
    public static WindowSet modelInput(OnnxEncoder encoder, PreparedData data, Split split) {
        WindowSet windows = data.split(split);
        boolean standardised = !"false".equals(data.parameters().get("standardise"));
        if (encoder.normalisedInGraph()) {
            if (standardised) {
                throw new IllegalArgumentException(
                        encoder.file()
                                + " standardises its inputs itself, but the "
                                + split.shortName()
                                + " windows are standardised already: prepare them with"
                                + " standardise(false)");
            }
            return windows;
        }
        if (standardised) {
            return windows;
        }
        ModelCard card = encoder.card();
        Normalisation n = card.normalisation();
        if (n.accelMean().length != windows.accelChannels()
                || n.gyroMean().length != windows.gyroChannels()) {
            throw new IllegalArgumentException(
                    encoder.file()
                            + ": the model card holds statistics for "
                            + n.accelMean().length
                            + " + "
                            + n.gyroMean().length
                            + " channels, the windows have "
                            + windows.accelChannels()
                            + " + "
                            + windows.gyroChannels());
        }
        float[] accel = windows.accel().clone();
        float[] gyro = windows.gyro().clone();
        Normalisation.apply(accel, n.accelMean(), n.accelStd(), windows.length());
        Normalisation.apply(gyro, n.gyroMean(), n.gyroStd(), windows.length());
        return new WindowSet(
                windows.accelChannels(),
                windows.gyroChannels(),
                windows.length(),
                accel,
                gyro,
                windows.labels(),
                windows.subjects(),
                windows.starts());
    }

    private static int[] labels(KnnClassifier knn, Neighbours neighbours, int k) {
        return knn.vote(neighbours, k).labels();
    }

    private static EvaluationResult.SplitResult score(
            PreparedData data, Split split, EncodedWindows embeddings, Classification outcome) {
        WindowSet windows = data.split(split);
        return new EvaluationResult.SplitResult(
                split,
                windows,
                embeddings,
                outcome,
                ClassificationMetrics.of(windows.labels(), outcome.labels()),
                EmbeddingDistances.of(embeddings.joint(), windows.labels()));
    }
}
