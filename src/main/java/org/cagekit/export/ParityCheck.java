package org.cagekit.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cagekit.data.Normalisation;
import org.cagekit.data.WindowSet;
import org.cagekit.eval.Classification;
import org.cagekit.eval.DistanceMetric;
import org.cagekit.eval.EncodedWindows;
import org.cagekit.eval.KnnClassifier;
import org.cagekit.eval.Neighbours;
import org.cagekit.eval.OnnxEncoder;
import org.cagekit.eval.VoteWeights;
import org.cagekit.model.CageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an exported ONNX file in ONNX Runtime and the DJL model it came from on the same windows and
 * compares the results.
 *
 * <p>Checks, each one row of the {@link ParityReport}:
 *
 * <ul>
 *   <li>{@code reference}: every window of the reference (train) split, in batches of {@value
 *       #RUN_BATCH};
 *   <li>{@code validation}: every window of the validation split, in batches of {@value
 *       #RUN_BATCH}, plus the agreement of KNN predictions: each side classifies the validation
 *       windows by their {@code embedding} among its own reference embeddings, {@value #KNN_K}
 *       neighbours, cosine distance, uniform votes (the evaluator's defaults);
 *   <li>{@code batch-1}, {@code batch-7}, {@code batch-64}: one batch of that many validation
 *       windows, taken cyclically when the split is smaller, so that the symbolic batch dimension
 *       is exercised at exactly those sizes.
 * </ul>
 *
 * <p>A check passes when the largest absolute difference of {@code accel_embedding}, {@code
 * gyro_embedding} and {@code embedding} is at most {@link #TOLERANCE} and, where measured, KNN
 * agrees on every validation window whose neighbours are determined at the measured precision. With
 * uniform votes two sides can only disagree when their k nearest references differ, and a
 * difference of δ per component moves a cosine distance between {@code 2d}-dimensional embeddings
 * by at most about {@code 2 sqrt(2d) δ}. A disagreeing window whose k-th and (k+1)-th nearest
 * references lie within twice that bound ({@code 4 sqrt(2d) δ}, δ the largest difference measured
 * on the reference and validation splits) on either side is therefore counted as undecided (column
 * {@code knn_undecided}) rather than as a failure: which of two references at the same distance
 * comes first is not a property of the model. Any other disagreement fails. Embeddings that are not
 * finite never pass: a NaN difference counts as infinite, and the KNN agreement is 0 because no
 * neighbour can be found.
 *
 * <p>Windows are given filtered and unstandardised. DJL always receives them standardised with the
 * model's statistics; ONNX Runtime receives them as they are when the graph standardises, and
 * standardised otherwise.
 */
public final class ParityCheck {
    /** The largest absolute difference of any embedding component that passes. */
    public static final double TOLERANCE = 1e-5;

    /** The batch sizes checked on their own. */
    public static final List<Integer> BATCH_SIZES = List.of(1, 7, 64);

    /** Neighbours that vote in the KNN agreement check. */
    public static final int KNN_K = 7;

    /** Windows per forward pass when whole splits are run. */
    static final int RUN_BATCH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(ParityCheck.class);

    private final CageModel model;
    private final Normalisation normalisation;
    private final boolean normalisedInGraph;

    /**
     * @param model the DJL model, initialised or loaded
     * @param normalisation the statistics the model was trained with
     * @param normalisedInGraph whether the ONNX graph standardises its inputs
     */
    public ParityCheck(CageModel model, Normalisation normalisation, boolean normalisedInGraph) {
        this.model = model;
        this.normalisation = normalisation;
        this.normalisedInGraph = normalisedInGraph;
    }

    /**
     * Runs every check.
     *
     * @param onnxFile the exported model
     * @param reference the train split, unstandardised, with labels
     * @param validation the validation split, unstandardised, with labels
     * @throws IllegalArgumentException when a split is empty or has fewer than {@value #KNN_K}
     *     reference windows, or the splits' shapes differ
     * @throws IllegalArgumentException also when ONNX Runtime cannot load the file
     * @throws IllegalStateException when ONNX Runtime fails on a batch
     */
    public ParityReport run(Path onnxFile, WindowSet reference, WindowSet validation) {
        if (validation.size() == 0) {
            throw new IllegalArgumentException(
                    "the validation split is empty; parity needs windows");
        }
        if (reference.size() < KNN_K) {
            throw new IllegalArgumentException(
                    "the reference split has "
                            + reference.size()
                            + " windows; the KNN check needs at least "
                            + KNN_K);
        }
        if (reference.accelChannels() != validation.accelChannels()
                || reference.gyroChannels() != validation.gyroChannels()
                || reference.length() != validation.length()) {
            throw new IllegalArgumentException(
                    "reference and validation windows differ in channels or length");
        }
        int threads = Runtime.getRuntime().availableProcessors();
        try (OnnxEncoder encoder = OnnxEncoder.open(onnxFile, threads)) {
            if (encoder.normalisedInGraph() != normalisedInGraph) {
                throw new IllegalStateException(
                        onnxFile
                                + ": metadata says normalised in graph "
                                + encoder.normalisedInGraph()
                                + ", the export asked for "
                                + normalisedInGraph);
            }
            List<ParityReport.Row> rows = new ArrayList<>();
            Comparison ref = compare(encoder, reference, RUN_BATCH);
            rows.add(ref.row("reference", RUN_BATCH, null));
            Comparison val = compare(encoder, validation, RUN_BATCH);
            rows.add(val.row("validation", RUN_BATCH, knnAgreement(ref, val, reference)));
            for (int size : BATCH_SIZES) {
                int[] windows = new int[size];
                for (int i = 0; i < size; i++) {
                    windows[i] = i % validation.size();
                }
                Comparison batch = compare(encoder, validation.select(windows), size);
                rows.add(batch.row("batch-" + size, size, null));
            }
            ParityReport report = new ParityReport(rows, TOLERANCE);
            LOG.debug("parity of {}: {}", onnxFile, report.summary());
            return report;
        }
    }

    /** KNN predictions of both sides compared; all disagreeing when an embedding is not finite. */
    private static KnnAgreement knnAgreement(Comparison ref, Comparison val, WindowSet reference) {
        int n = val.windows;
        if (!finite(ref.djl.embedding)
                || !finite(ref.onnx.embedding)
                || !finite(val.djl.embedding)
                || !finite(val.onnx.embedding)) {
            LOG.debug("embeddings are not finite; no KNN agreement can be measured");
            return new KnnAgreement(0, n, 0);
        }
        double delta =
                Math.max(
                        maxAbsDiff(ref.djl.embedding, ref.onnx.embedding),
                        maxAbsDiff(val.djl.embedding, val.onnx.embedding));
        double bound = 4 * Math.sqrt(ref.djl.embedding[0].length) * delta;
        Classification onnx = knn(ref.onnx.embedding, reference.labels(), val.onnx.embedding);
        Classification djl = knn(ref.djl.embedding, reference.labels(), val.djl.embedding);
        int disagreements = 0;
        int undecided = 0;
        for (int i = 0; i < n; i++) {
            if (onnx.labels()[i] != djl.labels()[i]) {
                disagreements++;
                if (gap(onnx, i) <= bound || gap(djl, i) <= bound) {
                    undecided++;
                }
            }
        }
        if (disagreements > 0) {
            LOG.info(
                    "KNN differs on {} of {} validation windows, {} of them undecided within a"
                            + " distance of {}",
                    disagreements,
                    n,
                    undecided,
                    bound);
        }
        return new KnnAgreement((double) (n - disagreements) / n, disagreements, undecided);
    }

    /** The distance between the (k+1)-th and the k-th nearest reference of a query. */
    private static double gap(Classification c, int query) {
        double[] d = c.neighbours().distances()[query];
        return d.length > KNN_K ? d[KNN_K] - d[KNN_K - 1] : Double.POSITIVE_INFINITY;
    }

    /** The KNN comparison of the validation split. */
    record KnnAgreement(double fraction, int disagreements, int undecided) {}

    private static boolean finite(float[][] rows) {
        for (float[] row : rows) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The k nearest references vote; one more neighbour is kept to measure the gap. */
    private static Classification knn(float[][] reference, int[] labels, float[][] queries) {
        int searched = Math.min(KNN_K + 1, reference.length);
        KnnClassifier classifier =
                new KnnClassifier(
                        reference, labels, searched, DistanceMetric.COSINE, VoteWeights.UNIFORM);
        Neighbours neighbours = classifier.neighbours(queries);
        Classification voted = classifier.vote(neighbours, KNN_K);
        return new Classification(voted.labels(), voted.voteShare(), neighbours);
    }

    private Comparison compare(OnnxEncoder encoder, WindowSet raw, int batch) {
        int t = raw.length();
        float[] accel =
                standardised(raw.accel(), normalisation.accelMean(), normalisation.accelStd(), t);
        float[] gyro =
                standardised(raw.gyro(), normalisation.gyroMean(), normalisation.gyroStd(), t);
        Embeddings djl = djl(accel, gyro, raw, batch);
        WindowSet fed =
                normalisedInGraph
                        ? raw
                        : new WindowSet(
                                raw.accelChannels(),
                                raw.gyroChannels(),
                                t,
                                accel,
                                gyro,
                                raw.labels(),
                                raw.subjects(),
                                raw.starts());
        EncodedWindows onnx = encoder.encode(fed, batch);
        return new Comparison(
                djl, new Embeddings(onnx.accel(), onnx.gyro(), onnx.joint()), raw.size());
    }

    private static float[] standardised(float[] values, float[] mean, float[] std, int length) {
        float[] copy = values.clone();
        Normalisation.apply(copy, mean, std, length);
        return copy;
    }

    /** DJL's embeddings of standardised windows. */
    Embeddings djl(float[] accel, float[] gyro, WindowSet shape, int batch) {
        int n = shape.size();
        int ca = shape.accelChannels();
        int cg = shape.gyroChannels();
        int t = shape.length();
        Embeddings out = new Embeddings(n);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int from = 0; from < n; from += batch) {
                int b = Math.min(batch, n - from);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray a =
                            scope.create(
                                    Arrays.copyOfRange(accel, from * ca * t, (from + b) * ca * t),
                                    new Shape(b, ca, t));
                    NDArray g =
                            scope.create(
                                    Arrays.copyOfRange(gyro, from * cg * t, (from + b) * cg * t),
                                    new Shape(b, cg, t));
                    NDList result =
                            model.forward(
                                    new ParameterStore(scope, false), new NDList(a, g), false);
                    out.put(
                            from,
                            b,
                            result.get(0).toFloatArray(),
                            result.get(1).toFloatArray(),
                            result.get(0).concat(result.get(1), 1).toFloatArray());
                }
            }
        }
        return out;
    }

    /** Per-window embeddings of one run: {@code [n][d]}, {@code [n][d]} and {@code [n][2d]}. */
    record Embeddings(float[][] accel, float[][] gyro, float[][] embedding) {
        Embeddings(int n) {
            this(new float[n][], new float[n][], new float[n][]);
        }

        void put(int from, int b, float[] a, float[] g, float[] both) {
            int d = a.length / b;
            for (int i = 0; i < b; i++) {
                accel[from + i] = Arrays.copyOfRange(a, i * d, (i + 1) * d);
                gyro[from + i] = Arrays.copyOfRange(g, i * d, (i + 1) * d);
                embedding[from + i] = Arrays.copyOfRange(both, i * 2 * d, (i + 1) * 2 * d);
            }
        }
    }

    private record Comparison(Embeddings djl, Embeddings onnx, int windows) {
        ParityReport.Row row(String check, int batch, KnnAgreement knn) {
            return new ParityReport.Row(
                    check,
                    windows,
                    Math.min(batch, windows),
                    maxAbsDiff(djl.accel, onnx.accel),
                    maxAbsDiff(djl.gyro, onnx.gyro),
                    maxAbsDiff(djl.embedding, onnx.embedding),
                    knn == null ? Double.NaN : knn.fraction(),
                    knn == null ? 0 : knn.disagreements(),
                    knn == null ? 0 : knn.undecided());
        }
    }

    /** The largest {@code |a - b|}; NaN anywhere counts as an infinite difference. */
    static double maxAbsDiff(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < a[i].length; j++) {
                double diff = Math.abs((double) a[i][j] - b[i][j]);
                if (Double.isNaN(diff)) {
                    return Double.POSITIVE_INFINITY;
                }
                max = Math.max(max, diff);
            }
        }
        return max;
    }
}
