package org.cagekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {
    @TempDir Path dir;

    @Test
    void writesOneHeaderUtf8AndLocaleFreeNumbers() throws IOException {
        Locale saved = Locale.getDefault();
        // A decimal comma locale must not leak into the file.
        Locale.setDefault(Locale.GERMANY);
        try {
            Path file = dir.resolve("sub/x.csv");
            CsvFile.write(
                    file,
                    List.of("label", "class_name", "value"),
                    out -> {
                        out.printRecord(1, "Gehen, schnell", CsvFile.number(0.8125));
                        out.printRecord(2, "Überkopf", CsvFile.number(3.0));
                        out.printRecord(3, "leer", CsvFile.number(Double.NaN));
                    });
            assertEquals(
                    "label,class_name,value\n"
                            + "1,\"Gehen, schnell\",0.8125\n"
                            + "2,Überkopf,3.0\n"
                            + "3,leer,NaN\n",
                    Files.readString(file, StandardCharsets.UTF_8));
            assertFalse(Files.exists(dir.resolve("sub/x.csv.tmp")));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void numbersReadBackExactly() {
        for (double v : new double[] {1.0 / 3, 0.7666666666666666, 1e-9, 12345.0, -0.0625}) {
            assertEquals(v, Double.parseDouble(CsvFile.number(v)));
        }
        assertEquals("0.1", CsvFile.number(0.1f));
    }

    /** A failure while writing rows leaves neither the target nor the temporary file. */
    @Test
    void failedWriteLeavesNothing() {
        Path file = dir.resolve("broken.csv");
        UncheckedIOException e =
                assertThrows(
                        UncheckedIOException.class,
                        () ->
                                CsvFile.write(
                                        file,
                                        List.of("a"),
                                        out -> {
                                            out.printRecord(1);
                                            throw new IOException("disk full");
                                        }));
        assertTrue(e.getMessage().contains("broken.csv"), e.getMessage());
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(dir.resolve("broken.csv.tmp")));
    }
}
