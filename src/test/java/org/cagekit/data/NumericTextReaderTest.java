package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericTextReaderTest {
    @TempDir Path dir;

    @Test
    void parsesWithinOneUlpOfTheCorrectlyRoundedValue() throws IOException {
        // Java's own parser is the reference; the fast path may differ by one unit in the last
        // place (two roundings: mantissa to double, then the power-of-ten scaling).
        Random random = new Random(42);
        String[] texts = new String[3000];
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8) - 4);
            texts[i] =
                    switch (i % 3) {
                        case 0 -> Double.toString(v);
                        case 1 -> String.format(Locale.ROOT, "%.16g", v);
                        default -> String.format(Locale.ROOT, "%.7e", v);
                    };
            content.append(texts[i]).append(i % 2 == 0 ? "\t" : "  ").append("1\r\n");
        }
        Path file = dir.resolve("values.txt");
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        double[] row = new double[2];
        try (NumericTextReader reader = NumericTextReader.open(file)) {
            for (String text : texts) {
                assertTrue(reader.next(row, false));
                double expected = Double.parseDouble(text);
                assertEquals(expected, row[0], Math.ulp(expected), text);
                assertEquals(1.0, row[1], 0.0);
            }
            assertFalse(reader.next(row, false));
        }
    }

    @Test
    void exactCasesAreExact() throws IOException {
        Path file = dir.resolve("exact.txt");
        Files.writeString(
                file, "0.5 -2 1e3 +7.25E-1 0.9180555898766518 1e-30 123456789012345678901\n");
        double[] row = new double[7];
        try (NumericTextReader reader = NumericTextReader.open(file)) {
            assertTrue(reader.next(row, false));
        }
        assertEquals(0.5, row[0], 0.0);
        assertEquals(-2, row[1], 0.0);
        assertEquals(1000, row[2], 0.0);
        assertEquals(0.725, row[3], 0.0);
        assertEquals(0.9180555898766518, row[4], Math.ulp(0.9180555898766518));
        assertEquals(1e-30, row[5], 0.0);
        assertEquals(1.2345678901234568e20, row[6], Math.ulp(1.2345678901234568e20));
    }

    @Test
    void nanOnlyWhereAllowed() throws IOException {
        Path file = dir.resolve("nan.txt");
        Files.writeString(file, "nan 1\n");
        double[] row = new double[2];
        try (NumericTextReader reader = NumericTextReader.open(file)) {
            assertTrue(reader.next(row, true));
        }
        assertTrue(Double.isNaN(row[0]));
    }

    @Test
    void fieldWithTrailingLettersIsNotANumber() throws IOException {
        Path file = dir.resolve("f.txt");
        Files.writeString(file, "1.5f 2\n");
        double[] row = new double[2];
        try (NumericTextReader reader = NumericTextReader.open(file)) {
            IllegalArgumentException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            IllegalArgumentException.class, () -> reader.next(row, false));
            assertEquals(
                    file + " line 1 field 1: found '1.5f', which is not a number", e.getMessage());
        }
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.txt");
        IllegalArgumentException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> NumericTextReader.open(file));
        assertEquals(file + ": file not found", e.getMessage());
    }
}
