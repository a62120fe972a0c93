package org.cagekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loss over a batch of paired accelerometer and gyroscope embeddings.
 *
 * <p>{@link #evaluate(NDList, NDList)} receives {@code predictions = NDList(accelEmbedding [N, d],
 * gyroEmbedding [N, d], θ [1])}, the output of {@link org.cagekit.model.CageModel} (both embeddings
 * with unit rows, θ the learnable log logit scale), and {@code labels = NDList(class ids [N])},
 * which label-free losses ignore. It returns a scalar: the mean over the batch.
 *
 * <p>Besides the value, a loss reports {@link #diagnostics()} of the last batch it evaluated (loss
 * terms, the temperature in use, valid triplets...), which the trainer averages per epoch into
 * extra {@code history.csv} columns; it hears {@link #beginEpoch} before every epoch, for
 * schedules; and it states its {@link #settings()} for {@code model.json}.
 *
 * <p>N.B. the trainer makes runs repeatable and resumable by calling {@link #beginEpoch} with the
 * epoch index before the epoch's first batch. A loss that draws random numbers must derive them
 * from its seed and that index alone, so that a run resumed at an epoch boundary draws the same
 * numbers as an uninterrupted one.
 */
public abstract class ContrastiveLoss extends Loss {
    private final Map<String, Float> diagnostics = new LinkedHashMap<>();

    /**
     * @param name the loss name DJL shows in its metrics
     */
    protected ContrastiveLoss(String name) {
        super(name);
    }

    /**
     * Computes the batch loss.
     *
     * @param labels {@code NDList(class ids [N])}
     * @param predictions {@code NDList(accelEmbedding [N, d], gyroEmbedding [N, d], θ [1])}
     * @return the mean loss over the batch, a scalar
     */
    @Override
    public abstract NDArray evaluate(NDList labels, NDList predictions);

    /**
     * Called before each epoch's first batch.
     *
     * @param epoch the epoch about to start, from 0
     * @param epochs the number of epochs of the whole run
     */
    public void beginEpoch(int epoch, int epochs) {
        if (epoch < 0 || epoch >= epochs) {
            throw new IllegalArgumentException(
                    "epoch " + epoch + " is outside a run of " + epochs + " epochs");
        }
    }

    /**
     * The values of the last evaluated batch worth logging, by name; empty before the first batch.
     * The name {@code temperature} is the NT-Xent temperature in use.
     */
    public Map<String, Float> diagnostics() {
        return Collections.unmodifiableMap(diagnostics);
    }

    /** The loss name and every setting that changes its value, as text, in a stable order. */
    public abstract Map<String, String> settings();

    /** Records a diagnostic of the current batch; subclasses call this from evaluate. */
    protected final void putDiagnostic(String name, float value) {
        diagnostics.put(name, value);
    }

    /** Forgets the diagnostics of the last batch. */
    protected final void clearDiagnostics() {
        diagnostics.clear();
    }

    /**
     * The accelerometer embeddings {@code [N, d]} of a prediction list, checked against the
     * documented layout.
     *
     * @throws IllegalArgumentException when the list is not {@code (A [N, d], G [N, d], θ [1])}
     */
    protected static NDArray accel(NDList predictions) {
        checkPredictions(predictions);
        return predictions.get(0);
    }

    /** The gyroscope embeddings {@code [N, d]} of a prediction list. */
    protected static NDArray gyro(NDList predictions) {
        checkPredictions(predictions);
        return predictions.get(1);
    }

    /** The log logit scale θ {@code [1]} of a prediction list. */
    protected static NDArray logitScale(NDList predictions) {
        checkPredictions(predictions);
        return predictions.get(2);
    }

    private static void checkPredictions(NDList predictions) {
        if (predictions.size() != 3) {
            throw new IllegalArgumentException(
                    "a contrastive loss expects predictions (accelEmbedding, gyroEmbedding,"
                            + " logitScale), found "
                            + predictions.size()
                            + " arrays");
        }
        NDArray a = predictions.get(0);
        NDArray g = predictions.get(1);
        if (a.getShape().dimension() != 2 || !a.getShape().equals(g.getShape())) {
            throw new IllegalArgumentException(
                    "accelerometer and gyroscope embeddings must both be [N, d], found "
                            + a.getShape()
                            + " and "
                            + g.getShape());
        }
    }
}
