package org.cagekit.train;

/**
 * Hears a training run's progress. Every method has an empty default; the trainer calls them on its
 * own thread, so a listener must be quick.
 */
public interface TrainingListener {
    /**
     * Before the first epoch of this invocation.
     *
     * @param firstEpoch the epoch about to run, from 0 (later than 0 when resuming)
     * @param epochs the run's epochs
     * @param windows training windows per epoch
     */
    default void onTrainingStart(int firstEpoch, int epochs, int windows) {}

    /**
     * Before an epoch's first batch.
     *
     * @param epoch from 0
     * @param epochs the run's epochs
     * @param batches batches in the epoch
     */
    default void onEpochStart(int epoch, int epochs, int batches) {}

    /**
     * After each training batch.
     *
     * @param batch from 0
     * @param windows windows in the batch
     * @param loss the batch loss
     * @param windowsPerSecond the epoch's rate so far
     */
    default void onBatch(int batch, int windows, float loss, double windowsPerSecond) {}

    /** After an epoch and its validation, once its row is in the history. */
    default void onEpoch(EpochRecord record) {}

    /** A degenerate-training warning, as soon as it is raised. */
    default void onWarning(String warning) {}

    /** After the last epoch, or after an interrupted run saved its checkpoint. */
    default void onTrainingEnd(TrainingResult result) {}

    /**
     * Polled after every batch; {@code true} makes the trainer save a checkpoint and return an
     * interrupted result.
     */
    default boolean stopRequested() {
        return false;
    }
}
