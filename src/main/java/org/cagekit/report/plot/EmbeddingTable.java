package org.cagekit.report.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The embeddings of one split as the evaluator writes them ({@code embeddings_test.csv}): one row
 * per window with the columns {@code window, subject, label, accel_0 .. accel_{d-1}, gyro_0 ..
 * gyro_{d-1}}, optionally followed by {@code class_name}.
 *
 * <p>A {@code class_name} column names the classes. Otherwise the label column holds either a class
 * id (an integer, named through the model card's class names when they are known, else {@code class
 * N}) or a class name (numbered in sorted order of the names when no card is at hand). Embedding
 * columns are ordered by the number after the underscore, whatever their order in the file, and
 * both modalities must have the same size.
 *
 * @param windows window index of each row
 * @param subjects subject of each row
 * @param labels class id of each row
 * @param classNames class id to name, for every id that occurs
 * @param accel accelerometer embeddings, [n][d]
 * @param gyro gyroscope embeddings, [n][d]
 */
public record EmbeddingTable(
        int[] windows,
        int[] subjects,
        int[] labels,
        SortedMap<Integer, String> classNames,
        double[][] accel,
        double[][] gyro) {

    /** Number of windows. */
    public int size() {
        return labels.length;
    }

    /** Embedding size of one modality. */
    public int dimension() {
        return accel.length == 0 ? 0 : accel[0].length;
    }

    /** Each row's accelerometer embedding followed by its gyroscope embedding, [n][2d]. */
    public double[][] concatenated() {
        double[][] joined = new double[accel.length][];
        for (int i = 0; i < joined.length; i++) {
            double[] row = new double[accel[i].length + gyro[i].length];
            System.arraycopy(accel[i], 0, row, 0, accel[i].length);
            System.arraycopy(gyro[i], 0, row, accel[i].length, gyro[i].length);
            joined[i] = row;
        }
        return joined;
    }

    /**
     * Reads an embeddings file.
     *
     * @param file the CSV file
     * @param knownClassNames class id to name from the model card; empty when unknown
     * @throws IllegalArgumentException when a required column is missing, the two modalities differ
     *     in size, or a cell is not a number
     */
    public static EmbeddingTable read(Path file, Map<Integer, String> knownClassNames) {
        CsvTable table = CsvTable.read(file);
        int windowColumn = table.column("window", "window_index", "index");
        int subjectColumn = table.column("subject", "user");
        int labelColumn = table.column("label", "true", "class");
        OptionalInt nameColumn = table.findColumn("class_name", "true_name");
        List<Integer> accelColumns = embeddingColumns(table, "accel_");
        List<Integer> gyroColumns = embeddingColumns(table, "gyro_");
        if (accelColumns.isEmpty() || accelColumns.size() != gyroColumns.size()) {
            throw new IllegalArgumentException(
                    file
                            + ": expected accel_0..accel_{d-1} and gyro_0..gyro_{d-1} of the same"
                            + " size d, found "
                            + accelColumns.size()
                            + " accel and "
                            + gyroColumns.size()
                            + " gyro columns");
        }

        int n = table.rowCount();
        int[] windows = new int[n];
        int[] subjects = new int[n];
        String[] labelText = new String[n];
        double[][] accel = new double[n][accelColumns.size()];
        double[][] gyro = new double[n][gyroColumns.size()];
        for (int r = 0; r < n; r++) {
            windows[r] = table.integer(r, windowColumn);
            subjects[r] = table.integer(r, subjectColumn);
            labelText[r] = table.cell(r, labelColumn);
            for (int j = 0; j < accelColumns.size(); j++) {
                accel[r][j] = table.number(r, accelColumns.get(j));
                gyro[r][j] = table.number(r, gyroColumns.get(j));
            }
        }

        int[] labels = new int[n];
        SortedMap<Integer, String> names = new TreeMap<>();
        if (allIntegers(labelText)) {
            for (int r = 0; r < n; r++) {
                labels[r] = Integer.parseInt(labelText[r]);
                String name =
                        nameColumn.isPresent() && !table.cell(r, nameColumn.getAsInt()).isEmpty()
                                ? table.cell(r, nameColumn.getAsInt())
                                : knownClassNames.getOrDefault(labels[r], "class " + labels[r]);
                names.putIfAbsent(labels[r], name);
            }
        } else {
            Map<String, Integer> idOfName = new HashMap<>();
            knownClassNames.forEach((id, name) -> idOfName.put(name, id));
            int next =
                    knownClassNames.isEmpty() ? 0 : Collections.max(knownClassNames.keySet()) + 1;
            for (String name : new TreeSet<>(List.of(labelText))) {
                if (!idOfName.containsKey(name)) {
                    idOfName.put(name, next++);
                }
            }
            for (int r = 0; r < n; r++) {
                labels[r] = idOfName.get(labelText[r]);
                names.put(labels[r], labelText[r]);
            }
        }
        return new EmbeddingTable(windows, subjects, labels, names, accel, gyro);
    }

    private static List<Integer> embeddingColumns(CsvTable table, String prefix) {
        SortedMap<Integer, Integer> byIndex = new TreeMap<>();
        List<String> header = table.header();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+")) {
                byIndex.put(Integer.parseInt(name.substring(prefix.length())), c);
            }
        }
        if (!byIndex.isEmpty() && byIndex.lastKey() != byIndex.size() - 1) {
            throw new IllegalArgumentException(
                    table.file()
                            + ": the "
                            + prefix
                            + "N columns are not numbered 0.."
                            + (byIndex.size() - 1)
                            + " (highest is "
                            + byIndex.lastKey()
                            + ")");
        }
        return new ArrayList<>(byIndex.values());
    }

    private static boolean allIntegers(String[] cells) {
        for (String cell : cells) {
            if (!cell.matches("-?\\d+")) {
                return false;
            }
        }
        return true;
    }
}
