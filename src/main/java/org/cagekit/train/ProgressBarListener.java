package org.cagekit.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws one progress bar per epoch, with windows/s and the batch loss, on a stream (stderr). */
public final class ProgressBarListener implements TrainingListener {
    private final PrintStream stream;
    private ProgressBar bar;

    /**
     * @param stream where to draw; the command line passes {@code System.err}
     */
    public ProgressBarListener(PrintStream stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        closeBar();
        bar =
                new ProgressBarBuilder()
                        .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, epochs))
                        .setInitialMax(batches)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" batches", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(stream))
                        .setMaxRenderedLength(100)
                        .setUpdateIntervalMillis(500)
                        .continuousUpdate()
                        .build();
    }

    @Override
    public void onBatch(int batch, int windows, float loss, double windowsPerSecond) {
        if (bar != null) {
            bar.stepTo(batch + 1L);
            bar.setExtraMessage(
                    String.format(
                            Locale.ROOT, " %.0f windows/s, loss %.4f", windowsPerSecond, loss));
        }
    }

    @Override
    public void onEpoch(EpochRecord record) {
        closeBar();
    }

    @Override
    public void onTrainingEnd(TrainingResult result) {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
