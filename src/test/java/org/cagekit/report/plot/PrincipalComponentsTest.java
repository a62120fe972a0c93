package org.cagekit.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PrincipalComponentsTest.class.getResource(name).toURI());
    }

    @Test
    void pointsOnTheDiagonal() {
        // Points (1,1), (-1,-1), (2,2), (-2,-2): mean 0, all variance along u = (1,1)/sqrt(2).
        // Coordinates along u: sqrt(2), -sqrt(2), 2 sqrt(2), -2 sqrt(2); variance
        // (2 + 2 + 8 + 8) / (4 - 1) = 20/3, share 1; the second component carries nothing.
        double[][] data = {{1, 1}, {-1, -1}, {2, 2}, {-2, -2}};
        PrincipalComponents pca = PrincipalComponents.fit(data);
        assertEquals(20.0 / 3, pca.variances()[0], 1e-12);
        assertEquals(0, pca.variances()[1], 1e-12);
        assertEquals(1.0, pca.varianceShare(0), 1e-12);
        assertEquals(Math.sqrt(2), pca.project(data[0], 0), 1e-12);
        assertEquals(-2 * Math.sqrt(2), pca.project(data[3], 0), 1e-12);
        assertEquals(Math.sqrt(0.5), pca.component(0)[0], 1e-12);
    }

    @Test
    void matchesScikitLearn() throws Exception {
        // Fixture from tools/plots/pca_reference.py (scikit-learn PCA, signs fixed the same way).
        CsvTable input = CsvTable.read(resource("pca_input.csv"));
        CsvTable expected = CsvTable.read(resource("pca_expected.csv"));
        CsvTable variance = CsvTable.read(resource("pca_expected_variance.csv"));
        double[][] data = new double[input.rowCount()][input.header().size()];
        for (int r = 0; r < data.length; r++) {
            for (int c = 0; c < data[r].length; c++) {
                data[r][c] = input.number(r, c);
            }
        }
        PrincipalComponents pca = PrincipalComponents.fit(data);
        for (int k = 0; k < 2; k++) {
            assertEquals(variance.number(k, 1), pca.variances()[k], 1e-9);
            assertEquals(variance.number(k, 2), pca.varianceShare(k), 1e-9);
        }
        MapCoordinates map = EmbeddingProjection.pca(data, new int[data.length]);
        for (int r = 0; r < data.length; r++) {
            assertEquals(expected.number(r, 0), map.x()[r], 1e-9, "pc1 of row " + r);
            assertEquals(expected.number(r, 1), map.y()[r], 1e-9, "pc2 of row " + r);
        }
        assertEquals("PC1 (61.5 % of variance)", map.xTitle());
    }
}
