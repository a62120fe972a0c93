package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default filter against scipy: {@code tools/reference/butter_reference.py} ran {@code
 * butter(3, 20, fs=50)} and {@code lfilter} on a unit step and a unit impulse and wrote the fixture
 * {@code butter_reference.csv}.
 */
class LowPassFilterTest {
    private static double[][] reference() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = LowPassFilterTest.class.getResourceAsStream("butter_reference.csv");
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("n,")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        return rows.toArray(new double[0][]);
    }

    @Test
    void stepAndImpulseMatchScipyToOneMillionth() throws IOException {
        double[][] ref = reference();
        assertEquals(100, ref.length);
        double[] step = new double[ref.length];
        double[] impulse = new double[ref.length];
        java.util.Arrays.fill(step, 1.0);
        impulse[0] = 1.0;
        LowPassFilter filter = new LowPassFilter(3, 20, 50);
        filter.apply(step);
        filter.apply(impulse);
        for (int n = 0; n < ref.length; n++) {
            assertEquals(ref[n][0], step[n], 1e-6, "step response at n=" + n);
            assertEquals(ref[n][1], impulse[n], 1e-6, "impulse response at n=" + n);
        }
        // y[0] of the impulse response is b0 = 0.527624382..., as printed by scipy.
        assertEquals(0.52762438250194321, impulse[0], 1e-12);
    }

    @Test
    void eachCallStartsFromAZeroState() {
        LowPassFilter filter = new LowPassFilter(3, 20, 50);
        double[] first = {1, 0, 0};
        double[] second = {1, 0, 0};
        filter.apply(first);
        filter.apply(second);
        assertEquals(first[2], second[2], 0.0);
    }

    @Test
    void rejectsCutoffAtOrAboveNyquist() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new LowPassFilter(3, 25, 50));
        assertEquals(
                "filter cut-off must lie strictly between 0 and the Nyquist frequency 25.0 Hz,"
                        + " found 25.0 Hz",
                e.getMessage());
    }
}
