package org.cagekit.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact brute-force k-nearest-neighbour classification of embeddings, with the semantics of
 * scikit-learn's {@code KNeighborsClassifier(algorithm="brute")}.
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>Distances are those of {@link DistanceMetric}: cosine {@code 1 - cos(q, r)}, or euclidean.
 *   <li>The k references with the smallest distance are the neighbours. Where several references
 *       share the distance at the k-th place, the ones earlier in the reference set are taken
 *       (scikit-learn leaves this order to its partition routine; here it is fixed and stable).
 *   <li>{@link VoteWeights#UNIFORM}: majority vote. {@link VoteWeights#DISTANCE}: weight {@code 1 /
 *       d}; if any neighbour is at distance 0, only the neighbours at distance 0 vote.
 *   <li>The class with the largest total weight wins; a tie between classes goes to the smallest
 *       class id.
 *   <li>{@code k} larger than the number of references is an error naming both numbers.
 * </ul>
 *
 * <h2>Computation</h2>
 *
 * Queries are processed in blocks of {@value #QUERY_BLOCK} on a pool of worker threads (one block
 * per task). For each block the references are visited in chunks of at most {@value
 * #REFERENCE_CHUNK}: ONNX Runtime computes the {@code [block, chunk]} score matrix with its matrix
 * kernels and keeps the {@code k + }{@value #EXTRA_CANDIDATES} best-scoring references (see {@link
 * ScoringGraph}), which are merged into the block's running candidates. Memory beyond the
 * references themselves is therefore {@code O(threads x block x chunk)}, independent of the number
 * of queries. Finally the candidates' distances are recomputed in double precision from the
 * original values, sorted by (distance, reference position), and the first k vote.
 *
 * <p>N.B. Candidates are found with single-precision scores. A reference could be missed only if
 * more than {@value #EXTRA_CANDIDATES} other references lay within single-precision rounding (about
 * 1e-7 relative) of the k-th distance without being exactly equal to it; exactly equal vectors
 * score exactly equally and are kept in reference order. When the reference set holds at most
 * {@code k + }{@value #EXTRA_CANDIDATES} vectors every one is a candidate and the search is exact
 * in double precision.
 *
 * <p>Instances are immutable and may be shared between threads. Each call of {@link #classify}
 * opens its own ONNX Runtime session and closes it, with every tensor, before returning.
 */
public final class KnnClassifier {
    /** Queries scored together in one task. */
    static final int QUERY_BLOCK = 256;

    /** References scored together against one query block. */
    static final int REFERENCE_CHUNK = 32_768;

    /** Candidates kept beyond k before the final double-precision ranking. */
    static final int EXTRA_CANDIDATES = 16;

    private static final Logger LOG = LoggerFactory.getLogger(KnnClassifier.class);

    private final float[] reference;
    private final double[] referenceNorms;
    private final int[] referenceLabels;
    private final int references;
    private final int dim;
    private final int k;
    private final DistanceMetric metric;
    private final VoteWeights weights;
    private final int threads;
    private final int[] classes;

    /**
     * A classifier using every available processor.
     *
     * @see #KnnClassifier(float[][], int[], int, DistanceMetric, VoteWeights, int)
     */
    public KnnClassifier(
            float[][] reference,
            int[] referenceLabels,
            int k,
            DistanceMetric metric,
            VoteWeights weights) {
        this(
                reference,
                referenceLabels,
                k,
                metric,
                weights,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param reference the reference embeddings, {@code [n][d]}; copied
     * @param referenceLabels the class id of each reference
     * @param k the number of neighbours that vote, 1 to n
     * @param metric the distance
     * @param weights how neighbours vote
     * @param threads worker threads over query blocks, at least 1
     * @throws IllegalArgumentException when the set is empty, rows differ in length, a value is not
     *     finite, the label count differs from the row count, or k is outside 1..n
     */
    public KnnClassifier(
            float[][] reference,
            int[] referenceLabels,
            int k,
            DistanceMetric metric,
            VoteWeights weights,
            int threads) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(referenceLabels, "referenceLabels");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.weights = Objects.requireNonNull(weights, "weights");
        if (reference.length == 0) {
            throw new IllegalArgumentException("the reference set is empty");
        }
        if (referenceLabels.length != reference.length) {
            throw new IllegalArgumentException(
                    referenceLabels.length
                            + " reference labels for "
                            + reference.length
                            + " reference embeddings");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, found " + k);
        }
        if (k > reference.length) {
            throw new IllegalArgumentException(
                    "k = "
                            + k
                            + " exceeds the number of reference embeddings ("
                            + reference.length
                            + ")");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        this.references = reference.length;
        this.dim = reference[0].length;
        if (dim == 0) {
            throw new IllegalArgumentException("reference embeddings have no components");
        }
        this.reference = flatten(reference, dim, "reference");
        this.referenceNorms = norms(this.reference, references, dim);
        this.referenceLabels = referenceLabels.clone();
        this.k = k;
        this.threads = threads;
        this.classes = Arrays.stream(referenceLabels).distinct().sorted().toArray();
    }

    /** The number of neighbours that vote. */
    public int k() {
        return k;
    }

    public DistanceMetric metric() {
        return metric;
    }

    public VoteWeights weights() {
        return weights;
    }

    /** The number of reference embeddings. */
    public int references() {
        return references;
    }

    /** Embedding length. */
    public int dim() {
        return dim;
    }

    /**
     * The predicted class of each query.
     *
     * @param queries {@code [m][d]}
     * @return {@code [m]} class ids
     */
    public int[] predict(float[][] queries) {
        return classify(queries).labels();
    }

    /**
     * The k nearest references of each query.
     *
     * @param queries {@code [m][d]}
     */
    public Neighbours neighbours(float[][] queries) {
        float[] flat = flatten(queries, dim, "query");
        int m = queries.length;
        int[][] indices = new int[m][];
        double[][] distances = new double[m][];
        search(flat, m, indices, distances);
        return new Neighbours(indices, distances);
    }

    /**
     * Classifies each query by the vote of its k nearest references.
     *
     * @param queries {@code [m][d]}
     * @throws IllegalArgumentException when a row's length differs from the references' or a value
     *     is not finite
     */
    public Classification classify(float[][] queries) {
        return vote(neighbours(queries), k);
    }

    /**
     * The vote of the first {@code voters} of already found neighbours. Because neighbours are
     * ordered by (distance, reference position), the first {@code j} of a search with this
     * classifier's k are exactly the neighbours a search with k = j finds, so one search serves
     * every smaller k.
     *
     * @param neighbours the result of {@link #neighbours} on this classifier
     * @param voters how many of them vote, 1 to the number found
     * @throws IllegalArgumentException when {@code voters} is out of range
     */
    public Classification vote(Neighbours neighbours, int voters) {
        int m = neighbours.indices().length;
        int found = m == 0 ? k : neighbours.indices()[0].length;
        if (voters < 1 || voters > found) {
            throw new IllegalArgumentException(
                    "voters = " + voters + " is outside 1.." + found + ", the neighbours found");
        }
        int[] labels = new int[m];
        double[] shares = new double[m];
        double[] totals = new double[classes.length];
        int[][] indices = new int[m][];
        double[][] distances = new double[m][];
        for (int q = 0; q < m; q++) {
            indices[q] = Arrays.copyOf(neighbours.indices()[q], voters);
            distances[q] = Arrays.copyOf(neighbours.distances()[q], voters);
            vote(indices[q], distances[q], totals);
            int best = 0;
            double sum = 0;
            for (int c = 0; c < classes.length; c++) {
                sum += totals[c];
                // Strictly greater: an equal total keeps the smaller class id.
                if (totals[c] > totals[best]) {
                    best = c;
                }
            }
            labels[q] = classes[best];
            shares[q] = totals[best] / sum;
        }
        return new Classification(labels, shares, new Neighbours(indices, distances));
    }

    private void vote(int[] indices, double[] distances, double[] totals) {
        Arrays.fill(totals, 0);
        boolean exact = weights == VoteWeights.DISTANCE && distances[0] == 0;
        for (int i = 0; i < indices.length; i++) {
            double weight;
            if (weights == VoteWeights.UNIFORM) {
                weight = 1;
            } else if (exact) {
                weight = distances[i] == 0 ? 1 : 0;
            } else {
                weight = 1 / distances[i];
            }
            totals[Arrays.binarySearch(classes, referenceLabels[indices[i]])] += weight;
        }
    }

    private void search(float[] queries, int m, int[][] indices, double[][] distances) {
        if (m == 0) {
            return;
        }
        long started = System.nanoTime();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int candidates = Math.min(references, k + EXTRA_CANDIDATES);
        int chunks = (references + REFERENCE_CHUNK - 1) / REFERENCE_CHUNK;
        List<OnnxTensor> chunkTensors = new ArrayList<>();
        int workers = Math.min(threads, (m + QUERY_BLOCK - 1) / QUERY_BLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // Parallelism comes from the query blocks; one thread inside each run avoids
            // oversubscribing the cores.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            try (OrtSession session = env.createSession(ScoringGraph.model(), options)) {
                for (int c = 0; c < chunks; c++) {
                    int from = c * REFERENCE_CHUNK;
                    int to = Math.min(references, from + REFERENCE_CHUNK);
                    chunkTensors.add(referenceTensor(env, from, to));
                    chunkTensors.add(biasTensor(env, from, to));
                }
                List<Future<?>> tasks = new ArrayList<>();
                for (int from = 0; from < m; from += QUERY_BLOCK) {
                    int start = from;
                    int end = Math.min(m, from + QUERY_BLOCK);
                    tasks.add(
                            pool.submit(
                                    () -> {
                                        searchBlock(
                                                env,
                                                session,
                                                chunkTensors,
                                                candidates,
                                                queries,
                                                start,
                                                end,
                                                indices,
                                                distances);
                                        return null;
                                    }));
                }
                for (Future<?> task : tasks) {
                    task.get();
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to score neighbours: " + e, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("neighbour search failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("neighbour search interrupted", e);
        } finally {
            pool.shutdownNow();
            for (OnnxTensor tensor : chunkTensors) {
                tensor.close();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.debug(
                "{} queries against {} references (k = {}, {}) in {} s, {} queries/s",
                m,
                references,
                k,
                metric,
                String.format(Locale.ROOT, "%.3f", seconds),
                String.format(Locale.ROOT, "%.0f", m / seconds));
    }

    private void searchBlock(
            OrtEnvironment env,
            OrtSession session,
            List<OnnxTensor> chunkTensors,
            int candidates,
            float[] queries,
            int start,
            int end,
            int[][] indices,
            double[][] distances)
            throws OrtException {
        int rows = end - start;
        float[] scaled = new float[rows * dim];
        for (int q = 0; q < rows; q++) {
            int offset = (start + q) * dim;
            double scale = 2;
            if (metric == DistanceMetric.COSINE) {
                double norm = norm(queries, offset, dim);
                // A zero vector stays zero, as scikit-learn's normalize leaves it.
                scale = norm == 0 ? 1 : 1 / norm;
            }
            for (int i = 0; i < dim; i++) {
                scaled[q * dim + i] = (float) (queries[offset + i] * scale);
            }
        }
        float[][] bestScores = new float[rows][candidates];
        int[][] bestIndices = new int[rows][candidates];
        int[] kept = new int[rows];
        float[] mergedScores = new float[candidates];
        int[] mergedIndices = new int[candidates];
        try (OnnxTensor queryTensor =
                OnnxTensor.createTensor(env, FloatBuffer.wrap(scaled), new long[] {rows, dim})) {
            for (int c = 0; c < chunkTensors.size() / 2; c++) {
                int from = c * REFERENCE_CHUNK;
                int chunkLength = Math.min(references, from + REFERENCE_CHUNK) - from;
                int take = Math.min(candidates, chunkLength);
                try (OnnxTensor kTensor =
                                OnnxTensor.createTensor(
                                        env, LongBuffer.wrap(new long[] {take}), new long[] {1});
                        OrtSession.Result result =
                                session.run(
                                        Map.of(
                                                "queries",
                                                queryTensor,
                                                "references",
                                                chunkTensors.get(2 * c),
                                                "bias",
                                                chunkTensors.get(2 * c + 1),
                                                "k",
                                                kTensor))) {
                    FloatBuffer values = ((OnnxTensor) result.get(0)).getFloatBuffer();
                    LongBuffer positions = ((OnnxTensor) result.get(1)).getLongBuffer();
                    for (int q = 0; q < rows; q++) {
                        kept[q] =
                                merge(
                                        bestScores[q],
                                        bestIndices[q],
                                        kept[q],
                                        values,
                                        positions,
                                        q * take,
                                        take,
                                        from,
                                        mergedScores,
                                        mergedIndices);
                    }
                }
            }
        }
        for (int q = 0; q < rows; q++) {
            rank(
                    queries,
                    (start + q) * dim,
                    bestIndices[q],
                    kept[q],
                    start + q,
                    indices,
                    distances);
        }
    }

    /**
     * Merges a chunk's candidates (sorted by descending score, ties by ascending position) into the
     * running list; on equal scores the running list wins because its positions are all lower.
     */
    private static int merge(
            float[] scores,
            int[] positions,
            int kept,
            FloatBuffer chunkScores,
            LongBuffer chunkPositions,
            int offset,
            int take,
            int chunkStart,
            float[] mergedScores,
            int[] mergedPositions) {
        int capacity = scores.length;
        int i = 0;
        int j = 0;
        int n = 0;
        while (n < capacity && (i < kept || j < take)) {
            boolean fromRunning;
            if (j >= take) {
                fromRunning = true;
            } else if (i >= kept) {
                fromRunning = false;
            } else {
                fromRunning = scores[i] >= chunkScores.get(offset + j);
            }
            if (fromRunning) {
                mergedScores[n] = scores[i];
                mergedPositions[n] = positions[i];
                i++;
            } else {
                mergedScores[n] = chunkScores.get(offset + j);
                mergedPositions[n] = chunkStart + (int) chunkPositions.get(offset + j);
                j++;
            }
            n++;
        }
        System.arraycopy(mergedScores, 0, scores, 0, n);
        System.arraycopy(mergedPositions, 0, positions, 0, n);
        return n;
    }

    /** Recomputes the candidates' distances in double precision and keeps the nearest k. */
    private void rank(
            float[] queries,
            int offset,
            int[] candidates,
            int count,
            int query,
            int[][] indices,
            double[][] distances) {
        double queryNorm = norm(queries, offset, dim);
        Integer[] order = new Integer[count];
        double[] d = new double[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
            d[i] = distance(queries, offset, queryNorm, candidates[i]);
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int byDistance = Double.compare(d[a], d[b]);
                    return byDistance != 0
                            ? byDistance
                            : Integer.compare(candidates[a], candidates[b]);
                });
        int[] nearest = new int[k];
        double[] nearestDistances = new double[k];
        for (int i = 0; i < k; i++) {
            nearest[i] = candidates[order[i]];
            nearestDistances[i] = d[order[i]];
        }
        indices[query] = nearest;
        distances[query] = nearestDistances;
    }

    private double distance(float[] queries, int offset, double queryNorm, int r) {
        int base = r * dim;
        if (metric == DistanceMetric.COSINE) {
            double dot = 0;
            for (int i = 0; i < dim; i++) {
                dot += (double) queries[offset + i] * reference[base + i];
            }
            double qn = queryNorm == 0 ? 1 : queryNorm;
            double rn = referenceNorms[r] == 0 ? 1 : referenceNorms[r];
            double d = 1 - dot / (qn * rn);
            return Math.min(2, Math.max(0, d));
        }
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            double diff = (double) queries[offset + i] - reference[base + i];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    private OnnxTensor referenceTensor(OrtEnvironment env, int from, int to) throws OrtException {
        int rows = to - from;
        FloatBuffer buffer = directFloats(rows * dim);
        for (int r = from; r < to; r++) {
            int base = r * dim;
            if (metric == DistanceMetric.COSINE) {
                double scale = referenceNorms[r] == 0 ? 1 : 1 / referenceNorms[r];
                for (int i = 0; i < dim; i++) {
                    buffer.put((float) (reference[base + i] * scale));
                }
            } else {
                buffer.put(reference, base, dim);
            }
        }
        buffer.rewind();
        return OnnxTensor.createTensor(env, buffer, new long[] {rows, dim});
    }

    private OnnxTensor biasTensor(OrtEnvironment env, int from, int to) throws OrtException {
        FloatBuffer buffer = directFloats(to - from);
        for (int r = from; r < to; r++) {
            double norm = referenceNorms[r];
            buffer.put(metric == DistanceMetric.COSINE ? 0f : (float) -(norm * norm));
        }
        buffer.rewind();
        return OnnxTensor.createTensor(env, buffer, new long[] {to - from});
    }

    private static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(count, Float.BYTES))
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    private static float[] flatten(float[][] rows, int dim, String what) {
        Objects.requireNonNull(rows, what);
        float[] flat = new float[Math.multiplyExact(rows.length, dim)];
        for (int r = 0; r < rows.length; r++) {
            float[] row = rows[r];
            if (row.length != dim) {
                throw new IllegalArgumentException(
                        what
                                + " embedding "
                                + r
                                + " has "
                                + row.length
                                + " components, expected "
                                + dim);
            }
            for (int i = 0; i < dim; i++) {
                if (!Float.isFinite(row[i])) {
                    throw new IllegalArgumentException(
                            what + " embedding " + r + " component " + i + " is " + row[i]);
                }
            }
            System.arraycopy(row, 0, flat, r * dim, dim);
        }
        return flat;
    }

    private static double[] norms(float[] flat, int rows, int dim) {
        double[] norms = new double[rows];
        for (int r = 0; r < rows; r++) {
            norms[r] = norm(flat, r * dim, dim);
        }
        return norms;
    }

    private static double norm(float[] values, int offset, int dim) {
        double sum = 0;
        for (int i = offset; i < offset + dim; i++) {
            sum += (double) values[i] * values[i];
        }
        return Math.sqrt(sum);
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "cagekit-knn");
            thread.setDaemon(true);
            return thread;
        };
    }
}
