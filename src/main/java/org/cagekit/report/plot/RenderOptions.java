package org.cagekit.report.plot;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Settings of {@link ReportRenderer}.
 *
 * @param seed seed of the t-SNE subsample and of the t-SNE initial layout
 * @param tsnePoints most windows in a t-SNE map; above it a class-stratified seeded subsample is
 *     drawn (t-SNE time and memory grow as the square of this number)
 * @param tsnePerplexity t-SNE perplexity, capped at a third of the points
 * @param tsneIterations t-SNE gradient steps, at least 250
 * @param tsneLearningRate t-SNE step size
 * @param html whether to write {@code index.html}
 * @param classNames class id to name, used where a folder has no {@code model.json} (an experiment
 *     folder, for example); empty when unknown
 */
public record RenderOptions(
        long seed,
        int tsnePoints,
        double tsnePerplexity,
        int tsneIterations,
        double tsneLearningRate,
        boolean html,
        SortedMap<Integer, String> classNames) {

    /** Default number of windows in a t-SNE map: about half a minute per map on two cores. */
    public static final int DEFAULT_TSNE_POINTS = 3000;

    /** Checks the values. */
    public RenderOptions {
        classNames = Collections.unmodifiableSortedMap(new TreeMap<>(classNames));
        if (tsnePoints < EmbeddingProjection.MIN_TSNE_POINTS) {
            throw new IllegalArgumentException(
                    "t-SNE points must be at least "
                            + EmbeddingProjection.MIN_TSNE_POINTS
                            + ", got "
                            + tsnePoints);
        }
        if (!(tsnePerplexity >= 1)) {
            throw new IllegalArgumentException(
                    "t-SNE perplexity must be at least 1, got " + tsnePerplexity);
        }
        if (tsneIterations < 250) {
            throw new IllegalArgumentException(
                    "t-SNE iterations must be at least 250, got " + tsneIterations);
        }
        if (!(tsneLearningRate > 0)) {
            throw new IllegalArgumentException(
                    "t-SNE learning rate must be positive, got " + tsneLearningRate);
        }
    }

    /**
     * Seed 42, at most {@value #DEFAULT_TSNE_POINTS} points per t-SNE map, perplexity 30, 1000
     * iterations, learning rate 200, the HTML page, and no class names beyond the folder's.
     */
    public static RenderOptions defaults() {
        return new RenderOptions(42, DEFAULT_TSNE_POINTS, 30, 1000, 200, true, new TreeMap<>());
    }

    public RenderOptions withSeed(long value) {
        return new RenderOptions(
                value,
                tsnePoints,
                tsnePerplexity,
                tsneIterations,
                tsneLearningRate,
                html,
                classNames);
    }

    public RenderOptions withTsnePoints(int value) {
        return new RenderOptions(
                seed, value, tsnePerplexity, tsneIterations, tsneLearningRate, html, classNames);
    }

    public RenderOptions withTsnePerplexity(double value) {
        return new RenderOptions(
                seed, tsnePoints, value, tsneIterations, tsneLearningRate, html, classNames);
    }

    public RenderOptions withTsneIterations(int value) {
        return new RenderOptions(
                seed, tsnePoints, tsnePerplexity, value, tsneLearningRate, html, classNames);
    }

    public RenderOptions withTsneLearningRate(double value) {
        return new RenderOptions(
                seed, tsnePoints, tsnePerplexity, tsneIterations, value, html, classNames);
    }

    public RenderOptions withHtml(boolean value) {
        return new RenderOptions(
                seed,
                tsnePoints,
                tsnePerplexity,
                tsneIterations,
                tsneLearningRate,
                value,
                classNames);
    }

    public RenderOptions withClassNames(Map<Integer, String> value) {
        return new RenderOptions(
                seed,
                tsnePoints,
                tsnePerplexity,
                tsneIterations,
                tsneLearningRate,
                html,
                new TreeMap<>(value));
    }
}
