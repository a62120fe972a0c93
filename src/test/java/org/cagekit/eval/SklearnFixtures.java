package org.cagekit.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the reference values that tools/reference/knn_reference.py computed with scikit-learn and
 * that are committed under src/test/resources/org/cagekit/eval/sklearn.
 */
final class SklearnFixtures {
    private SklearnFixtures() {}

    /** One KNN case: inputs, settings and scikit-learn's answers. */
    record KnnCase(
            String name,
            int k,
            DistanceMetric metric,
            VoteWeights weights,
            float[][] reference,
            int[] labels,
            float[][] queries,
            int[] predicted,
            double[] share,
            int[][] neighbours) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<KnnCase> knnCases() {
        List<KnnCase> cases = new ArrayList<>();
        for (CSVRecord c : read("knn_cases.csv")) {
            cases.add(knnCase(c.get("case")));
        }
        return cases;
    }

    static KnnCase knnCase(String name) {
        CSVRecord settings =
                read("knn_cases.csv").stream()
                        .filter(r -> r.get("case").equals(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no case " + name));
        List<float[]> reference = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<float[]> queries = new ArrayList<>();
        for (CSVRecord r : read(name + ".csv")) {
            float[] x = new float[r.size() - 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Double.parseDouble(r.get(i + 2));
            }
            if (r.get("role").equals("reference")) {
                reference.add(x);
                labels.add(Integer.parseInt(r.get("label")));
            } else {
                queries.add(x);
            }
        }
        List<CSVRecord> expected = read(name + "_expected.csv");
        int[] predicted = new int[expected.size()];
        double[] share = new double[expected.size()];
        int[][] neighbours = new int[expected.size()][];
        for (int q = 0; q < expected.size(); q++) {
            CSVRecord r = expected.get(q);
            predicted[q] = Integer.parseInt(r.get("predicted"));
            share[q] = Double.parseDouble(r.get("share"));
            String n = r.get("neighbours");
            if (!n.equals("-")) {
                String[] parts = n.split(" ");
                neighbours[q] = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    neighbours[q][i] = Integer.parseInt(parts[i]);
                }
            }
        }
        return new KnnCase(
                name,
                Integer.parseInt(settings.get("k")),
                DistanceMetric.parse(settings.get("metric")),
                VoteWeights.parse(settings.get("weights")),
                reference.toArray(new float[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                queries.toArray(new float[0][]),
                predicted,
                share,
                neighbours);
    }

    static List<CSVRecord> read(String file) {
        String resource = "/org/cagekit/eval/sklearn/" + file;
        try (InputStream in = SklearnFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
