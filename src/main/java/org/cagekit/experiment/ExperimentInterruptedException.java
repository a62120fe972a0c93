package org.cagekit.experiment;

/**
 * A training run of an experiment stopped on request before its last epoch. Its checkpoint is
 * saved, and running the same experiment again resumes it.
 */
public final class ExperimentInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExperimentInterruptedException(String message) {
        super(message);
    }
}
