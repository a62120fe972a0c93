package org.cagekit.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * mHealth (UCI MHEALTH): 10 subjects, body-worn sensors at 50 Hz, one log per subject.
 *
 * <p>Layout read: {@code MHEALTHDATASET/mHealth_subjectN.log} (or the logs directly in the dataset
 * folder), 24 fields per row separated by tabs or spaces. cagekit keeps the left-ankle and
 * right-lower-arm sensors: accelerometer columns 6-8 and 15-17 (m/s^2), gyroscope columns 9-11 and
 * 18-20 (deg/s), label column 24 (0 null, 1-12 activities); chest, ECG and magnetometer columns are
 * read but not used.
 *
 * <p>A NaN sample is replaced by linear interpolation along time between the nearest finite samples
 * of its channel; NaNs before the first or after the last finite sample take that sample's value. A
 * channel without a single finite sample is an error, as is a NaN label.
 *
 * <p>Channels: {@code ankle_acc_x .. ankle_acc_z, arm_acc_x .. arm_acc_z} and {@code ankle_gyro_x
 * .. ankle_gyro_z, arm_gyro_x .. arm_gyro_z}.
 */
public final class MhealthDataset implements Dataset {
    private static final int FIELDS = 24;
    private static final int[] ACCEL_COLUMNS = {5, 6, 7, 14, 15, 16};
    private static final int[] GYRO_COLUMNS = {8, 9, 10, 17, 18, 19};
    private static final int LABEL_COLUMN = 23;
    private static final String[] ACTIVITIES = {
        "null",
        "standing still",
        "sitting and relaxing",
        "lying down",
        "walking",
        "climbing stairs",
        "waist bends forward",
        "frontal elevation of arms",
        "knees bending (crouching)",
        "cycling",
        "jogging",
        "running",
        "jump front & back"
    };

    @Override
    public String name() {
        return "mhealth";
    }

    @Override
    public String title() {
        return "mHealth (UCI MHEALTH dataset, Banos et al.)";
    }

    @Override
    public String downloadPage() {
        return "https://archive.ics.uci.edu/dataset/319";
    }

    @Override
    public String folder() {
        return "mhealth";
    }

    @Override
    public double samplingRateHz() {
        return 50;
    }

    @Override
    public List<String> accelChannels() {
        return List.of(
                "ankle_acc_x", "ankle_acc_y", "ankle_acc_z", "arm_acc_x", "arm_acc_y", "arm_acc_z");
    }

    @Override
    public List<String> gyroChannels() {
        return List.of(
                "ankle_gyro_x",
                "ankle_gyro_y",
                "ankle_gyro_z",
                "arm_gyro_x",
                "arm_gyro_y",
                "arm_gyro_z");
    }

    @Override
    public String accelUnit() {
        return "m/s^2";
    }

    @Override
    public String gyroUnit() {
        return "deg/s";
    }

    @Override
    public List<Integer> subjects() {
        return IntStream.rangeClosed(1, 10).boxed().collect(Collectors.toList());
    }

    @Override
    public boolean isPresent(Path dataRoot) {
        return candidate(dataRoot) != null;
    }

    @Override
    public Path locate(Path dataRoot) {
        Path dir = candidate(dataRoot);
        if (dir == null) {
            throw new IllegalArgumentException(
                    "dataset mhealth not found: no mHealth_subjectN.log in "
                            + String.join(
                                    ", ",
                                    candidates(dataRoot).stream()
                                            .map(Path::toString)
                                            .collect(Collectors.toList()))
                            + " (download from "
                            + downloadPage()
                            + " and unpack under "
                            + dataRoot.resolve(folder())
                            + ")");
        }
        return dir;
    }

    private static List<Path> candidates(Path dataRoot) {
        return List.of(
                dataRoot.resolve("mhealth").resolve("MHEALTHDATASET"),
                dataRoot.resolve("mhealth"),
                dataRoot.resolve("MHEALTHDATASET"),
                dataRoot);
    }

    private Path candidate(Path dataRoot) {
        for (Path dir : candidates(dataRoot)) {
            for (int subject : subjects()) {
                if (CompressedText.find(log(dir, subject)) != null) {
                    return dir;
                }
            }
        }
        return null;
    }

    private static Path log(Path dir, int subject) {
        return dir.resolve("mHealth_subject" + subject + ".log");
    }

    @Override
    public SortedMap<Integer, String> classNames(Path datasetDir) {
        SortedMap<Integer, String> names = new TreeMap<>();
        for (int id = 0; id < ACTIVITIES.length; id++) {
            names.put(id, ACTIVITIES[id]);
        }
        return Collections.unmodifiableSortedMap(names);
    }

    @Override
    public List<Path> inputFiles(Path datasetDir, Set<Integer> subjects) {
        List<Path> files = new ArrayList<>();
        for (int subject : subjects()) {
            if (subjects.contains(subject)) {
                files.add(required(datasetDir, subject));
            }
        }
        return files;
    }

    @Override
    public List<Recording> read(Path datasetDir, Set<Integer> subjects) {
        List<Path> files = inputFiles(datasetDir, subjects);
        List<Integer> wanted =
                subjects().stream().filter(subjects::contains).collect(Collectors.toList());
        List<Recording> recordings = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            recordings.add(readLog(files.get(i), wanted.get(i)));
        }
        return recordings;
    }

    private static Path required(Path dir, int subject) {
        Path file = CompressedText.find(log(dir, subject));
        if (file == null) {
            throw new IllegalArgumentException(log(dir, subject) + ": file not found");
        }
        return file;
    }

    /** Reads one subject's log. */
    static Recording readLog(Path file, int subject) {
        double[] row = new double[FIELDS];
        int capacity = 1 << 14;
        double[][] accel = new double[ACCEL_COLUMNS.length][capacity];
        double[][] gyro = new double[GYRO_COLUMNS.length][capacity];
        int[] labels = new int[capacity];
        int n = 0;
        try (NumericTextReader reader = NumericTextReader.open(file)) {
            while (reader.next(row, true)) {
                if (n == capacity) {
                    capacity *= 2;
                    for (int c = 0; c < accel.length; c++) {
                        accel[c] = java.util.Arrays.copyOf(accel[c], capacity);
                        gyro[c] = java.util.Arrays.copyOf(gyro[c], capacity);
                    }
                    labels = java.util.Arrays.copyOf(labels, capacity);
                }
                for (int c = 0; c < ACCEL_COLUMNS.length; c++) {
                    accel[c][n] = row[ACCEL_COLUMNS[c]];
                    gyro[c][n] = row[GYRO_COLUMNS[c]];
                }
                double label = row[LABEL_COLUMN];
                if (!(label >= 0 && label < ACTIVITIES.length && label == Math.rint(label))) {
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + reader.line()
                                    + " field "
                                    + (LABEL_COLUMN + 1)
                                    + ": expected a label 0-"
                                    + (ACTIVITIES.length - 1)
                                    + ", found "
                                    + label);
                }
                labels[n] = (int) label;
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(file + ": no rows");
        }
        for (int c = 0; c < ACCEL_COLUMNS.length; c++) {
            accel[c] = java.util.Arrays.copyOf(accel[c], n);
            gyro[c] = java.util.Arrays.copyOf(gyro[c], n);
            interpolateNaN(accel[c], file, ACCEL_COLUMNS[c] + 1);
            interpolateNaN(gyro[c], file, GYRO_COLUMNS[c] + 1);
        }
        String name = String.format(Locale.ROOT, "subject%d", subject);
        return new Recording(name, subject, accel, gyro, java.util.Arrays.copyOf(labels, n));
    }

    /**
     * Replaces NaNs by linear interpolation between the nearest finite neighbours in time; NaNs at
     * either end take the nearest finite value.
     *
     * @throws IllegalArgumentException when the channel holds no finite value
     */
    static void interpolateNaN(double[] x, Path file, int column) {
        int previous = -1;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                continue;
            }
            if (previous < 0) {
                java.util.Arrays.fill(x, 0, i, x[i]);
            } else if (i - previous > 1) {
                double step = (x[i] - x[previous]) / (i - previous);
                for (int j = previous + 1; j < i; j++) {
                    x[j] = x[previous] + step * (j - previous);
                }
            }
            previous = i;
        }
        if (previous < 0) {
            throw new IllegalArgumentException(
                    file + " column " + column + ": every value is NaN, nothing to interpolate");
        }
        java.util.Arrays.fill(x, previous + 1, x.length, x[previous]);
    }

    @Override
    public Map<String, String> officialChecksums() {
        return ReleaseChecksums.of(name());
    }
}
