package org.cagekit.train;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each epoch's row and each warning through slf4j, at info and warn. */
public final class LoggingListener implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.class);

    private int epochs;

    @Override
    public void onTrainingStart(int firstEpoch, int epochs, int windows) {
        this.epochs = epochs;
        if (firstEpoch > 0) {
            LOG.info("resuming at epoch {}/{}", firstEpoch + 1, epochs);
        }
    }

    @Override
    public void onEpoch(EpochRecord r) {
        LOG.info(
                String.format(
                        Locale.ROOT,
                        "epoch %d/%d: loss %.4f, top-1 %.3f, tau %.4f, lr %.2e, %.1f s,"
                                + " %.0f windows/s, val loss %.4f, val top-1 %.3f",
                        r.epoch(),
                        epochs,
                        r.loss(),
                        r.topOne(),
                        r.temperature(),
                        r.learningRate(),
                        r.seconds(),
                        r.windowsPerSecond(),
                        r.validationLoss(),
                        r.validationTopOne()));
    }

    @Override
    public void onWarning(String warning) {
        LOG.warn(warning);
    }
}
