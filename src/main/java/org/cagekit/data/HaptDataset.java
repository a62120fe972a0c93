package org.cagekit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * UCI HAPT v2.1 ("Smartphone-Based Recognition of Human Activities and Postural Transitions"): 30
 * users, 61 experiments, a waist-worn smartphone's accelerometer (g) and gyroscope (rad/s) at 50
 * Hz.
 *
 * <p>Layout read: {@code RawData/acc_expNN_userMM.txt} and {@code RawData/gyro_expNN_userMM.txt}
 * (three space-separated columns x, y, z, one row per sample, equal row counts), {@code
 * RawData/labels.txt} (rows {@code experiment user activity start end}, 1-based inclusive sample
 * indices) and {@code activity_labels.txt} (rows {@code id NAME}). A sample that no segment covers
 * gets class 0, "null". Segments must lie inside their file and must not overlap.
 *
 * <p>Channels: {@code acc_x, acc_y, acc_z} and {@code gyro_x, gyro_y, gyro_z}.
 */
public final class HaptDataset implements Dataset {
    private static final Pattern SIGNAL_FILE =
            Pattern.compile("(acc|gyro)_exp(\\d+)_user(\\d+)\\.txt(\\.gz)?");

    @Override
    public String name() {
        return "hapt";
    }

    @Override
    public String title() {
        return "UCI HAPT v2.1 (Smartphone-Based Recognition of Human Activities and Postural"
                + " Transitions)";
    }

    @Override
    public String downloadPage() {
        return "https://archive.ics.uci.edu/dataset/341";
    }

    @Override
    public String folder() {
        return "uci-hapt";
    }

    @Override
    public double samplingRateHz() {
        return 50;
    }

    @Override
    public List<String> accelChannels() {
        return List.of("acc_x", "acc_y", "acc_z");
    }

    @Override
    public List<String> gyroChannels() {
        return List.of("gyro_x", "gyro_y", "gyro_z");
    }

    @Override
    public String accelUnit() {
        return "g";
    }

    @Override
    public String gyroUnit() {
        return "rad/s";
    }

    @Override
    public List<Integer> subjects() {
        return IntStream.rangeClosed(1, 30).boxed().collect(Collectors.toList());
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
                    "dataset hapt not found: no RawData/labels.txt in "
                            + dataRoot.resolve(folder())
                            + " or "
                            + dataRoot
                            + " (point --data-dir or CAGEKIT_DATA at the folder holding "
                            + folder()
                            + "/; download from "
                            + downloadPage()
                            + ")");
        }
        return dir;
    }

    private Path candidate(Path dataRoot) {
        for (Path dir : List.of(dataRoot.resolve(folder()), dataRoot)) {
            if (CompressedText.find(dir.resolve("RawData").resolve("labels.txt")) != null) {
                return dir;
            }
        }
        return null;
    }

    @Override
    public SortedMap<Integer, String> classNames(Path datasetDir) {
        Path file = required(datasetDir.resolve("activity_labels.txt"));
        SortedMap<Integer, String> names = new TreeMap<>();
        names.put(0, "null");
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                CompressedText.open(file), StandardCharsets.ISO_8859_1))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                String trimmed = text.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int space = trimmed.indexOf(' ');
                int id;
                try {
                    id = space < 0 ? -1 : Integer.parseInt(trimmed.substring(0, space));
                } catch (NumberFormatException e) {
                    id = -1;
                }
                if (id <= 0) {
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + line
                                    + ": expected 'id NAME' with a positive id, found '"
                                    + trimmed
                                    + "'");
                }
                if (names.put(id, trimmed.substring(space + 1).strip()) != null) {
                    throw new IllegalArgumentException(
                            file + " line " + line + ": activity id " + id + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return Collections.unmodifiableSortedMap(names);
    }

    @Override
    public List<Path> inputFiles(Path datasetDir, Set<Integer> subjects) {
        List<Path> files = new ArrayList<>();
        files.add(required(datasetDir.resolve("activity_labels.txt")));
        files.add(required(datasetDir.resolve("RawData").resolve("labels.txt")));
        for (Experiment e : experiments(datasetDir)) {
            if (subjects.contains(e.user)) {
                files.add(e.acc);
                files.add(e.gyro);
            }
        }
        return files;
    }

    @Override
    public List<Recording> read(Path datasetDir, Set<Integer> subjects) {
        SortedMap<Integer, String> classes = classNames(datasetDir);
        Path labelsFile = required(datasetDir.resolve("RawData").resolve("labels.txt"));
        List<Segment> segments = readSegments(labelsFile, classes);
        List<Experiment> experiments = experiments(datasetDir);
        Map<Integer, Experiment> byNumber =
                experiments.stream().collect(Collectors.toMap(e -> e.number, e -> e));
        for (Segment s : segments) {
            Experiment e = byNumber.get(s.experiment);
            if (e == null) {
                throw new IllegalArgumentException(
                        String.format(
                                java.util.Locale.ROOT,
                                "%s line %d: experiment %d has no file"
                                        + " RawData/acc_exp%02d_user%02d.txt",
                                labelsFile,
                                s.line,
                                s.experiment,
                                s.experiment,
                                s.user));
            }
            if (e.user != s.user) {
                throw new IllegalArgumentException(
                        labelsFile
                                + " line "
                                + s.line
                                + ": experiment "
                                + s.experiment
                                + " belongs to user "
                                + e.user
                                + " ("
                                + e.acc.getFileName()
                                + "), not user "
                                + s.user);
            }
        }
        Map<Integer, List<Segment>> segmentsByExperiment =
                segments.stream().collect(Collectors.groupingBy(s -> s.experiment));
        List<Experiment> wanted =
                experiments.stream()
                        .filter(e -> subjects.contains(e.user))
                        .collect(Collectors.toList());
        // Experiments are independent; reading two at a time keeps both cores busy.
        return wanted.parallelStream()
                .map(
                        e ->
                                readExperiment(
                                        e,
                                        segmentsByExperiment.getOrDefault(e.number, List.of()),
                                        labelsFile))
                .collect(Collectors.toList());
    }

    private static Recording readExperiment(Experiment e, List<Segment> segments, Path labelsFile) {
        int[] xyz = {0, 1, 2};
        double[][] acc = NumericTextReader.readColumns(e.acc, 3, xyz, false);
        double[][] gyro = NumericTextReader.readColumns(e.gyro, 3, xyz, false);
        int n = acc[0].length;
        if (gyro[0].length != n) {
            throw new IllegalArgumentException(
                    e.acc
                            + " has "
                            + n
                            + " rows but "
                            + e.gyro.getFileName()
                            + " has "
                            + gyro[0].length
                            + ": accelerometer and gyroscope files must be equally long");
        }
        int[] labels = new int[n];
        for (Segment s : segments) {
            if (s.end > n) {
                throw new IllegalArgumentException(
                        labelsFile
                                + " line "
                                + s.line
                                + ": segment "
                                + s.start
                                + "-"
                                + s.end
                                + " ends after the last sample ("
                                + n
                                + ") of "
                                + e.acc.getFileName());
            }
            for (int i = s.start - 1; i < s.end; i++) {
                labels[i] = s.activity;
            }
        }
        String name = String.format(java.util.Locale.ROOT, "exp%02d_user%02d", e.number, e.user);
        return new Recording(name, e.user, acc, gyro, labels);
    }

    /** Reads labels.txt and checks each segment on its own and against its neighbours. */
    private static List<Segment> readSegments(Path file, SortedMap<Integer, String> classes) {
        List<Segment> segments = new ArrayList<>();
        double[] row = new double[5];
        try (NumericTextReader reader = NumericTextReader.open(file)) {
            while (reader.next(row, false)) {
                int[] v = new int[5];
                for (int i = 0; i < 5; i++) {
                    if (row[i] != Math.rint(row[i]) || Math.abs(row[i]) > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException(
                                file
                                        + " line "
                                        + reader.line()
                                        + " field "
                                        + (i + 1)
                                        + ": expected a whole number, found "
                                        + row[i]);
                    }
                    v[i] = (int) row[i];
                }
                Segment s = new Segment(reader.line(), v[0], v[1], v[2], v[3], v[4]);
                if (!classes.containsKey(s.activity) || s.activity == 0) {
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + s.line
                                    + ": activity "
                                    + s.activity
                                    + " is not defined in activity_labels.txt");
                }
                if (s.start < 1 || s.end < s.start) {
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + s.line
                                    + ": segment "
                                    + s.start
                                    + "-"
                                    + s.end
                                    + " is not a range of 1-based sample indices"
                                    + " (start >= 1, end >= start)");
                }
                segments.add(s);
            }
        }
        Map<Integer, List<Segment>> byExperiment =
                segments.stream().collect(Collectors.groupingBy(s -> s.experiment));
        for (List<Segment> list : byExperiment.values()) {
            List<Segment> sorted = new ArrayList<>(list);
            sorted.sort((a, b) -> Integer.compare(a.start, b.start));
            for (int i = 1; i < sorted.size(); i++) {
                Segment a = sorted.get(i - 1);
                Segment b = sorted.get(i);
                if (b.start <= a.end) {
                    Segment later = a.line > b.line ? a : b;
                    Segment earlier = later == a ? b : a;
                    throw new IllegalArgumentException(
                            file
                                    + " line "
                                    + later.line
                                    + ": segment "
                                    + later.start
                                    + "-"
                                    + later.end
                                    + " of experiment "
                                    + later.experiment
                                    + " overlaps segment "
                                    + earlier.start
                                    + "-"
                                    + earlier.end
                                    + " of line "
                                    + earlier.line);
                }
            }
        }
        return segments;
    }

    /**
     * The experiments of a RawData folder, by number. A plain file wins over a {@code .gz} copy
     * beside it; a signal file without its partner is an error.
     */
    private static List<Experiment> experiments(Path datasetDir) {
        Path raw = datasetDir.resolve("RawData");
        List<Experiment> experiments = new ArrayList<>();
        List<Path> names;
        try (Stream<Path> files = Files.list(raw)) {
            names = files.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + raw + ": " + e.getMessage(), e);
        }
        for (Path file : names) {
            Matcher m = SIGNAL_FILE.matcher(file.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            String suffix = CompressedText.plainName(file).substring(m.group(1).length());
            Path acc = CompressedText.find(raw.resolve("acc" + suffix));
            Path gyro = CompressedText.find(raw.resolve("gyro" + suffix));
            if (!file.equals(acc) && !file.equals(gyro)) {
                // a .gz copy beside the plain file
                continue;
            }
            if (acc == null || gyro == null) {
                String missing = (acc == null ? "acc" : "gyro") + suffix;
                throw new IllegalArgumentException(
                        raw.resolve(missing)
                                + ": file not found (the "
                                + (acc == null ? "accelerometer" : "gyroscope")
                                + " partner of "
                                + file.getFileName()
                                + ")");
            }
            if (!file.equals(acc)) {
                continue;
            }
            int number = Integer.parseInt(m.group(2));
            int user = Integer.parseInt(m.group(3));
            for (Experiment other : experiments) {
                if (other.number == number) {
                    throw new IllegalArgumentException(
                            acc
                                    + ": experiment "
                                    + number
                                    + " already read from "
                                    + other.acc.getFileName());
                }
            }
            experiments.add(new Experiment(number, user, acc, gyro));
        }
        if (experiments.isEmpty()) {
            throw new IllegalArgumentException(
                    raw + ": no acc_expNN_userMM.txt files (is this the HAPT RawData folder?)");
        }
        experiments.sort((a, b) -> Integer.compare(a.number, b.number));
        return experiments;
    }

    private static Path required(Path file) {
        Path found = CompressedText.find(file);
        if (found == null) {
            throw new IllegalArgumentException(file + ": file not found");
        }
        return found;
    }

    @Override
    public Map<String, String> officialChecksums() {
        return ReleaseChecksums.of(name());
    }

    private record Experiment(int number, int user, Path acc, Path gyro) {}

    private record Segment(int line, int experiment, int user, int activity, int start, int end) {}
}
