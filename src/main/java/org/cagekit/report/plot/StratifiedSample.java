package org.cagekit.report.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded, class-stratified subsample of row indices, used to keep t-SNE (quadratic in the number
 * of points) affordable on large splits.
 *
 * <p>With {@code n} rows and at most {@code m} to keep, every row is kept when {@code n <= m}.
 * Otherwise class {@code c} with {@code n_c} rows gets {@code floor(m n_c / n)} places and the
 * places left over go one each to the classes with the largest remainders {@code m n_c / n -
 * floor(m n_c / n)}, ties to the smaller class id (largest-remainder apportionment), so the sample
 * has exactly {@code m} rows and the class proportions of the whole split. A class whose share is
 * below half a place may be left out. Within a class the rows are drawn by a partial Fisher-Yates
 * shuffle from one {@link SplittableRandom} seeded once and visited in class-id order, so the same
 * labels and seed give the same sample. The indices come back ascending.
 */
public final class StratifiedSample {
    private StratifiedSample() {}

    /**
     * Chooses the rows to keep.
     *
     * @param labels class id of each row
     * @param max the most rows to keep, at least 1
     * @param seed seed of the draw
     * @return ascending row indices
     */
    public static int[] indices(int[] labels, int max, long seed) {
        if (max < 1) {
            throw new IllegalArgumentException("sample size must be at least 1, got " + max);
        }
        int n = labels.length;
        if (n <= max) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        Map<Integer, List<Integer>> rowsByClass = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            rowsByClass.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        Map<Integer, Integer> quota = apportion(rowsByClass, n, max);

        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = new int[max];
        int filled = 0;
        for (Map.Entry<Integer, List<Integer>> entry : rowsByClass.entrySet()) {
            int[] rows = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            int take = quota.get(entry.getKey());
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(rows.length - i);
                int swap = rows[i];
                rows[i] = rows[j];
                rows[j] = swap;
                chosen[filled++] = rows[i];
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** Largest-remainder apportionment of {@code max} places over the classes. */
    static Map<Integer, Integer> apportion(
            Map<Integer, List<Integer>> rowsByClass, int n, int max) {
        Map<Integer, Integer> quota = new TreeMap<>();
        List<Integer> classes = new ArrayList<>(rowsByClass.keySet());
        long[] remainder = new long[classes.size()];
        int given = 0;
        for (int k = 0; k < classes.size(); k++) {
            long size = rowsByClass.get(classes.get(k)).size();
            int floor = (int) (size * max / n);
            quota.put(classes.get(k), floor);
            // In units of 1/n, so remainders compare exactly.
            remainder[k] = size * max - (long) floor * n;
            given += floor;
        }
        Integer[] order = new Integer[classes.size()];
        Arrays.setAll(order, k -> k);
        // Stable sort: equal remainders keep class-id order, so ties go to the smaller id.
        Arrays.sort(order, (a, b) -> Long.compare(remainder[b], remainder[a]));
        for (int k = 0; given < max; k++) {
            int c = classes.get(order[k]);
            quota.put(c, quota.get(c) + 1);
            given++;
        }
        return quota;
    }
}
