package org.cagekit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassificationMetricsTest {
    /**
     * true [1,1,1,2,2,3], predicted [1,1,1,2,2,2]. By hand: 5 of 6 correct, accuracy 0.8333. Class
     * 1: P = R = F1 = 1. Class 2: P = 2/3, R = 1, F1 = 0.8. Class 3: never predicted, P = 0 (zero
     * denominator), R = 0, F1 = 0. Macro F1 = (1 + 0.8 + 0) / 3 = 0.6; weighted F1 = (3 x 1 + 2 x
     * 0.8 + 1 x 0) / 6 = 0.7667.
     */
    @Test
    void smallCaseWorkedByHand() {
        ClassificationMetrics m =
                ClassificationMetrics.of(
                        new int[] {1, 1, 1, 2, 2, 3}, new int[] {1, 1, 1, 2, 2, 2});
        assertEquals(0.8333, m.accuracy(), 1e-4);
        assertEquals(0.6, m.macro().f1(), 1e-12);
        assertEquals(0.7667, m.weighted().f1(), 1e-4);
        assertEquals(2.0 / 3, m.perClass().get(1).precision(), 1e-12);
        assertEquals(0, m.perClass().get(2).precision());
        assertArrayEquals(new int[] {1, 2, 3}, m.confusion().labels());
        assertEquals(1, m.confusion().count(2, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics_small", "metrics_random"})
    void agreesWithScikitLearn(String name) {
        List<CSVRecord> pairs = SklearnFixtures.read(name + "_labels.csv");
        int[] truth = pairs.stream().mapToInt(r -> Integer.parseInt(r.get("true"))).toArray();
        int[] predicted =
                pairs.stream().mapToInt(r -> Integer.parseInt(r.get("predicted"))).toArray();
        ClassificationMetrics m = ClassificationMetrics.of(truth, predicted);
        int row = 0;
        for (CSVRecord r : SklearnFixtures.read(name + "_expected.csv")) {
            switch (r.get("kind")) {
                case "accuracy" -> assertEquals(value(r, "a"), m.accuracy(), 1e-12);
                case "class" -> {
                    ClassificationMetrics.ClassScore c =
                            m.perClass().stream()
                                    .filter(s -> s.label() == Integer.parseInt(r.get("label")))
                                    .findFirst()
                                    .orElseThrow();
                    assertEquals(value(r, "a"), c.precision(), 1e-12, "precision " + c.label());
                    assertEquals(value(r, "b"), c.recall(), 1e-12, "recall " + c.label());
                    assertEquals(value(r, "c"), c.f1(), 1e-12, "f1 " + c.label());
                    assertEquals(Long.parseLong(r.get("d")), c.support(), "support " + c.label());
                }
                case "macro" -> assertAverage(r, m.macro());
                case "weighted" -> assertAverage(r, m.weighted());
                case "confusion" -> {
                    assertEquals(Integer.parseInt(r.get("label")), m.confusion().labels()[row]);
                    for (int c = 0; c < m.confusion().labels().length; c++) {
                        // The fixture's confusion rows run on past the four named columns.
                        assertEquals(
                                Long.parseLong(r.get(2 + c)),
                                m.confusion().count(row, c),
                                "row " + row + " column " + c);
                    }
                    row++;
                }
                default -> throw new IllegalStateException("unknown row kind " + r.get("kind"));
            }
        }
        assertEquals(m.confusion().labels().length, row);
        assertEquals(truth.length, m.confusion().total());
    }

    @Test
    void noSamplesGiveZeros() {
        ClassificationMetrics m = ClassificationMetrics.of(new int[0], new int[0]);
        assertEquals(0, m.accuracy());
        assertEquals(0, m.macro().f1());
        assertEquals(0, m.weighted().f1());
    }

    @Test
    void lengthsMustAgree() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ClassificationMetrics.of(new int[] {1, 2}, new int[] {1}));
        assertEquals("2 true labels but 1 predictions", e.getMessage());
    }

    private static void assertAverage(CSVRecord r, ClassificationMetrics.Average a) {
        assertEquals(value(r, "a"), a.precision(), 1e-12, r.get("kind") + " precision");
        assertEquals(value(r, "b"), a.recall(), 1e-12, r.get("kind") + " recall");
        assertEquals(value(r, "c"), a.f1(), 1e-12, r.get("kind") + " f1");
    }

    private static double value(CSVRecord r, String column) {
        return Double.parseDouble(r.get(column));
    }
}
