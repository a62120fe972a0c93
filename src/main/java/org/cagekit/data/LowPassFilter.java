package org.cagekit.data;

import uk.me.berndporr.iirj.Butterworth;

/**
 * Causal low-pass Butterworth filter applied along time to one channel of one recording.
 *
 * <p>The filter is designed by the bilinear transform with pre-warped cut-off, as {@code
 * scipy.signal.butter(order, cutoff, fs=rate)} does, and run forward once from a zero state, as
 * {@code scipy.signal.lfilter} does; it is realised as second-order sections (iirj) in double
 * precision. Being causal it delays the signal slightly and leaves a start-up transient from the
 * zero state over the first few samples of every recording.
 *
 * <p>N.B. The filter runs along the time axis of each channel. The reference study's code applied
 * its filter across the channels of each sample instead; cagekit does not reproduce that.
 */
public final class LowPassFilter {
    private final int order;
    private final double cutoffHz;
    private final double rateHz;

    /**
     * @param order filter order, at least 1
     * @param cutoffHz -3 dB frequency, strictly between 0 and half the rate
     * @param rateHz sampling rate
     * @throws IllegalArgumentException for an order below 1 or a cut-off outside (0, rate / 2)
     */
    public LowPassFilter(int order, double cutoffHz, double rateHz) {
        if (order < 1 || order > 16) {
            throw new IllegalArgumentException("filter order must be 1-16, found " + order);
        }
        if (!(cutoffHz > 0 && cutoffHz < rateHz / 2)) {
            throw new IllegalArgumentException(
                    "filter cut-off must lie strictly between 0 and the Nyquist frequency "
                            + rateHz / 2
                            + " Hz, found "
                            + cutoffHz
                            + " Hz");
        }
        this.order = order;
        this.cutoffHz = cutoffHz;
        this.rateHz = rateHz;
    }

    /** Filters {@code signal} in place, starting from a zero state. */
    public void apply(double[] signal) {
        Butterworth filter = new Butterworth();
        filter.lowPass(order, rateHz, cutoffHz);
        for (int t = 0; t < signal.length; t++) {
            signal[t] = filter.filter(signal[t]);
        }
    }
}
