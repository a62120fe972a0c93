package org.cagekit.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The output of a protocol: standardised windows of every split, with everything a model, an
 * exported file or a report must record about how they were made. Prepared with {@code
 * standardise(false)} (see {@link ProtocolOptions#standardise(boolean)}), the windows are filtered
 * but left in sensor units, and {@link #normalisation()} holds the train statistics that were not
 * applied.
 */
public final class PreparedData {
    private final String dataset;
    private final String protocol;
    private final Map<String, String> parameters;
    private final double samplingRateHz;
    private final int windowLength;
    private final List<String> accelChannels;
    private final List<String> gyroChannels;
    private final SortedMap<Integer, String> classNames;
    private final Normalisation normalisation;
    private final Map<Split, WindowSet> splits;

    /**
     * @param dataset dataset name, for example {@code hapt}
     * @param protocol protocol name, for example {@code hapt-13}
     * @param parameters every protocol parameter in effect, in a stable order (filter, window,
     *     stride, label rule, split users...), as text
     * @param samplingRateHz sampling rate of the windows
     * @param windowLength samples per window
     * @param accelChannels accelerometer channel names, in model-input order
     * @param gyroChannels gyroscope channel names, in model-input order
     * @param classNames class id to class name, for every class the protocol can produce
     * @param normalisation the train split's statistics, applied to {@code splits} unless the
     *     parameter {@code standardise} is {@code false}
     * @param splits the windows of each split
     */
    public PreparedData(
            String dataset,
            String protocol,
            Map<String, String> parameters,
            double samplingRateHz,
            int windowLength,
            List<String> accelChannels,
            List<String> gyroChannels,
            Map<Integer, String> classNames,
            Normalisation normalisation,
            Map<Split, WindowSet> splits) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.samplingRateHz = samplingRateHz;
        this.windowLength = windowLength;
        this.accelChannels = List.copyOf(accelChannels);
        this.gyroChannels = List.copyOf(gyroChannels);
        this.classNames = Collections.unmodifiableSortedMap(new TreeMap<>(classNames));
        this.normalisation = Objects.requireNonNull(normalisation, "normalisation");
        this.splits = Collections.unmodifiableMap(new EnumMap<>(splits));
    }

    public String dataset() {
        return dataset;
    }

    public String protocol() {
        return protocol;
    }

    /** Every protocol parameter in effect, as text, in a stable order. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public double samplingRateHz() {
        return samplingRateHz;
    }

    public int windowLength() {
        return windowLength;
    }

    public List<String> accelChannels() {
        return accelChannels;
    }

    public List<String> gyroChannels() {
        return gyroChannels;
    }

    /** Class id to name, sorted by id. */
    public SortedMap<Integer, String> classNames() {
        return classNames;
    }

    public Normalisation normalisation() {
        return normalisation;
    }

    /**
     * The windows of one split.
     *
     * @throws IllegalArgumentException when the protocol produced no such split
     */
    public WindowSet split(Split split) {
        WindowSet windows = splits.get(split);
        if (windows == null) {
            throw new IllegalArgumentException(
                    "protocol " + protocol + " has no " + split.shortName() + " split");
        }
        return windows;
    }

    /** All splits present. */
    public Map<Split, WindowSet> splits() {
        return splits;
    }

    /**
     * These windows standardised with their own train statistics, as the protocol would have
     * prepared them with {@code standardise=true}: the same values bit for bit, and the same
     * parameters but {@code standardise}. A caller that needs both forms (training reads
     * standardised windows, an exported graph raw ones) reads and filters the recordings once.
     *
     * @throws IllegalStateException when these windows are standardised already
     */
    public PreparedData standardised() {
        if (!"false".equals(parameters.get(ProtocolSettings.STANDARDISE))) {
            throw new IllegalStateException(protocol + ": the windows are standardised already");
        }
        Map<Split, WindowSet> copies = new EnumMap<>(Split.class);
        for (Map.Entry<Split, WindowSet> e : splits.entrySet()) {
            WindowSet w = e.getValue();
            float[] accel = w.accel().clone();
            float[] gyro = w.gyro().clone();
            Normalisation.apply(
                    accel, normalisation.accelMean(), normalisation.accelStd(), w.length());
            Normalisation.apply(
                    gyro, normalisation.gyroMean(), normalisation.gyroStd(), w.length());
            copies.put(
                    e.getKey(),
                    new WindowSet(
                            w.accelChannels(),
                            w.gyroChannels(),
                            w.length(),
                            accel,
                            gyro,
                            w.labels(),
                            w.subjects(),
                            w.starts()));
        }
        Map<String, String> standardisedParameters = new LinkedHashMap<>(parameters);
        standardisedParameters.put(ProtocolSettings.STANDARDISE, "true");
        return new PreparedData(
                dataset,
                protocol,
                standardisedParameters,
                samplingRateHz,
                windowLength,
                accelChannels,
                gyroChannels,
                classNames,
                normalisation,
                copies);
    }
}
