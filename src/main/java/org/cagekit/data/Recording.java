package org.cagekit.data;

import java.util.Objects;

/**
 * One continuous recording of one subject: accelerometer and gyroscope channels sampled at the
 * dataset's rate, and a class id for every sample.
 *
 * <p>Signals are held per channel, {@code accel[channel][sample]}, in double precision so that
 * filtering loses nothing before the windows are stored as float. Arrays are not copied; the
 * preparation steps filter them in place.
 */
public final class Recording {
    private final String name;
    private final int subject;
    private final double[][] accel;
    private final double[][] gyro;
    private final int[] labels;

    /**
     * @param name a name for messages, for example {@code exp01_user01}
     * @param subject subject (user) id
     * @param accel accelerometer samples, {@code [channel][sample]}
     * @param gyro gyroscope samples, {@code [channel][sample]}
     * @param labels class id of each sample (0 for samples no activity covers)
     * @throws IllegalArgumentException when channels and labels differ in length
     */
    public Recording(String name, int subject, double[][] accel, double[][] gyro, int[] labels) {
        this.name = Objects.requireNonNull(name, "name");
        this.subject = subject;
        this.accel = Objects.requireNonNull(accel, "accel");
        this.gyro = Objects.requireNonNull(gyro, "gyro");
        this.labels = Objects.requireNonNull(labels, "labels");
        for (double[][] sensor : new double[][][] {accel, gyro}) {
            for (double[] channel : sensor) {
                if (channel.length != labels.length) {
                    throw new IllegalArgumentException(
                            name
                                    + ": a channel holds "
                                    + channel.length
                                    + " samples but there are "
                                    + labels.length
                                    + " labels");
                }
            }
        }
    }

    /** A name for messages, for example {@code exp01_user01}. */
    public String name() {
        return name;
    }

    /** The subject (user) id. */
    public int subject() {
        return subject;
    }

    /** Number of samples. */
    public int length() {
        return labels.length;
    }

    /** Accelerometer samples {@code [channel][sample]}; not a copy. */
    public double[][] accel() {
        return accel;
    }

    /** Gyroscope samples {@code [channel][sample]}; not a copy. */
    public double[][] gyro() {
        return gyro;
    }

    /** Class id of each sample; not a copy. */
    public int[] labels() {
        return labels;
    }
}
