package org.cagekit.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a protocol on a dataset: read, filter, window, label, split, standardise; the result is
 * cached (see {@link WindowCache}).
 *
 * <p>Windows are ordered by recording (as the dataset lists them), then by start. Normalisation
 * statistics are taken over every sample of every train window (overlapping windows count a sample
 * once per window), in double precision; a channel whose train samples are all equal gets mean
 * equal to that value and standard deviation 0, and standardises to 0.
 */
public final class Preparer {
    private static final Logger LOG = LoggerFactory.getLogger(Preparer.class);

    private Preparer() {}

    /**
     * Prepares windows through the default cache ({@link WindowCache#standard()}).
     *
     * @param dataRoot the folder holding the datasets' folders (see {@link DataLocation})
     * @param dataset dataset name, or null for the protocol's dataset
     * @param protocol protocol name, or null for the dataset's first protocol
     * @param options overrides of the protocol's steps
     * @throws IllegalArgumentException for unknown names, bad options or malformed files
     */
    public static PreparedData prepare(
            Path dataRoot, String dataset, String protocol, ProtocolOptions options) {
        return prepare(dataRoot, dataset, protocol, options, WindowCache.standard());
    }

    /** As {@link #prepare(Path, String, String, ProtocolOptions)} with a chosen cache. */
    public static PreparedData prepare(
            Path dataRoot,
            String dataset,
            String protocol,
            ProtocolOptions options,
            WindowCache cache) {
        ProtocolSettings settings = settings(dataset, protocol, options);
        Dataset d = settings.dataset();
        Path dir = d.locate(dataRoot);
        List<Path> inputs = d.inputFiles(dir, settings.allUsers());
        String key = WindowCache.key(settings, dir, inputs);
        PreparedData cached = cache.load(key);
        if (cached != null) {
            return cached;
        }
        long begin = System.nanoTime();
        SortedMap<Integer, String> names = d.classNames(dir);
        List<Recording> recordings = d.read(dir, settings.allUsers());
        long read = System.nanoTime();
        PreparedData data = fromRecordings(settings, names, recordings);
        LOG.debug(
                "prepared {} from {} recordings: read {} ms, filter+window {} ms",
                settings.protocol().name(),
                recordings.size(),
                (read - begin) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
        cache.store(key, data);
        return data;
    }

    /**
     * Resolves names and options.
     *
     * @throws IllegalArgumentException for an unknown dataset or protocol, or a mismatch
     */
    public static ProtocolSettings settings(
            String dataset, String protocol, ProtocolOptions options) {
        Protocol p;
        Dataset d;
        if (protocol != null) {
            p = Protocol.byName(protocol);
            d = Datasets.byName(dataset != null ? dataset : p.dataset());
        } else {
            d = Datasets.byName(dataset != null ? dataset : "hapt");
            p = Protocol.defaultFor(d.name());
        }
        return options.resolve(p, d);
    }

    /**
     * Runs the filter, windowing, labelling, splitting and standardisation steps on recordings
     * already read. The recordings' signals are filtered in place.
     *
     * @param settings the resolved protocol
     * @param datasetClasses class id to name as the dataset defines them
     * @param recordings the recordings; those of users outside every split are ignored
     */
    public static PreparedData fromRecordings(
            ProtocolSettings settings,
            SortedMap<Integer, String> datasetClasses,
            List<Recording> recordings) {
        Dataset d = settings.dataset();
        SortedMap<Integer, String> classNames = new TreeMap<>();
        for (int c : settings.classes()) {
            String name = datasetClasses.get(c);
            if (name == null) {
                throw new IllegalArgumentException(
                        "class "
                                + c
                                + " is not a class of "
                                + d.name()
                                + " (classes "
                                + datasetClasses.firstKey()
                                + "-"
                                + datasetClasses.lastKey()
                                + ")");
            }
            classNames.put(c, name);
        }
        for (Recording r : recordings) {
            if (r.accel().length != d.accelChannels().size()
                    || r.gyro().length != d.gyroChannels().size()) {
                throw new IllegalArgumentException(
                        r.name()
                                + ": "
                                + r.accel().length
                                + " accelerometer and "
                                + r.gyro().length
                                + " gyroscope channels, but "
                                + d.name()
                                + " has "
                                + d.accelChannels().size()
                                + " and "
                                + d.gyroChannels().size());
            }
        }
        if (settings.filterOrder() > 0) {
            LowPassFilter filter =
                    new LowPassFilter(
                            settings.filterOrder(), settings.cutoffHz(), d.samplingRateHz());
            recordings.parallelStream()
                    .forEach(
                            r -> {
                                for (double[] channel : r.accel()) {
                                    filter.apply(channel);
                                }
                                for (double[] channel : r.gyro()) {
                                    filter.apply(channel);
                                }
                            });
        }
        Map<Split, WindowSet> splits = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            splits.put(split, windows(settings, split, recordings));
        }
        WindowSet train = splits.get(Split.TRAIN);
        if (train.size() == 0) {
            throw new IllegalArgumentException(
                    "the train split of "
                            + settings.protocol().name()
                            + " has no windows (users "
                            + settings.users(Split.TRAIN)
                            + "): recordings too short or no window of the kept classes");
        }
        float[][] accelStats = statistics(train.accel(), train.accelChannels(), train.length());
        float[][] gyroStats = statistics(train.gyro(), train.gyroChannels(), train.length());
        Normalisation normalisation =
                new Normalisation(accelStats[0], accelStats[1], gyroStats[0], gyroStats[1]);
        if (settings.standardise()) {
            for (WindowSet w : splits.values()) {
                Normalisation.apply(w.accel(), accelStats[0], accelStats[1], w.length());
                Normalisation.apply(w.gyro(), gyroStats[0], gyroStats[1], w.length());
            }
        }
        return new PreparedData(
                d.name(),
                settings.protocol().name(),
                settings.parameters(),
                d.samplingRateHz(),
                settings.windowLength(),
                d.accelChannels(),
                d.gyroChannels(),
                classNames,
                normalisation,
                splits);
    }

    private static WindowSet windows(
            ProtocolSettings settings, Split split, List<Recording> recordings) {
        int length = settings.windowLength();
        int stride = settings.stride(split);
        List<Recording> chosen = new ArrayList<>();
        List<int[]> chosenStarts = new ArrayList<>();
        List<int[]> chosenLabels = new ArrayList<>();
        int total = 0;
        for (Recording r : recordings) {
            if (settings.splitOf(r.subject()) != split) {
                continue;
            }
            int[] starts = Windowing.starts(r.length(), length, stride);
            int[] keptStarts = new int[starts.length];
            int[] keptLabels = new int[starts.length];
            int kept = 0;
            for (int start : starts) {
                int label = settings.labelRule().label(r.labels(), start, length);
                if (label != LabelRule.DROPPED && settings.classes().contains(label)) {
                    keptStarts[kept] = start;
                    keptLabels[kept] = label;
                    kept++;
                }
            }
            chosen.add(r);
            chosenStarts.add(java.util.Arrays.copyOf(keptStarts, kept));
            chosenLabels.add(java.util.Arrays.copyOf(keptLabels, kept));
            total += kept;
        }
        int ca = settings.dataset().accelChannels().size();
        int cg = settings.dataset().gyroChannels().size();
        float[] accel = new float[Math.multiplyExact(total, ca * length)];
        float[] gyro = new float[Math.multiplyExact(total, cg * length)];
        int[] labels = new int[total];
        int[] subjects = new int[total];
        int[] starts = new int[total];
        int w = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Recording r = chosen.get(i);
            int[] s = chosenStarts.get(i);
            int[] l = chosenLabels.get(i);
            for (int k = 0; k < s.length; k++, w++) {
                copy(r.accel(), s[k], length, accel, w * ca * length);
                copy(r.gyro(), s[k], length, gyro, w * cg * length);
                labels[w] = l[k];
                subjects[w] = r.subject();
                starts[w] = s[k];
            }
        }
        return new WindowSet(ca, cg, length, accel, gyro, labels, subjects, starts);
    }

    private static void copy(double[][] channels, int start, int length, float[] to, int at) {
        for (double[] channel : channels) {
            for (int t = 0; t < length; t++) {
                to[at++] = (float) channel[start + t];
            }
        }
    }

    /**
     * Per-channel mean and population standard deviation of flat {@code [n][channels][length]}
     * values, two-pass in double; a channel with min == max gets exactly that value and 0.
     */
    static float[][] statistics(float[] values, int channels, int length) {
        float[] mean = new float[channels];
        float[] std = new float[channels];
        int n = values.length / (channels * length);
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int w = 0; w < n; w++) {
                int from = (w * channels + c) * length;
                for (int t = from; t < from + length; t++) {
                    sum += values[t];
                    min = Math.min(min, values[t]);
                    max = Math.max(max, values[t]);
                }
            }
            if (min == max) {
                mean[c] = min;
                std[c] = 0f;
                continue;
            }
            double m = sum / ((double) n * length);
            double squares = 0;
            for (int w = 0; w < n; w++) {
                int from = (w * channels + c) * length;
                for (int t = from; t < from + length; t++) {
                    double d = values[t] - m;
                    squares += d * d;
                }
            }
            mean[c] = (float) m;
            std[c] = (float) Math.sqrt(squares / ((double) n * length));
        }
        return new float[][] {mean, std};
    }
}
