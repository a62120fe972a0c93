package org.cagekit.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionHeatmapTest {
    private static final ConfusionCounts MATRIX =
            new ConfusionCounts(
                    List.of("WALKING", "SITTING", "LIE_TO_STAND"),
                    new long[][] {{27, 2, 1}, {3, 16, 1}, {0, 4, 6}});

    @Test
    void shadeFollowsTheFixedRamp() {
        assertEquals(new Color(0xF7FBFF), ConfusionHeatmap.shade(0));
        assertEquals(new Color(0x6BAED6), ConfusionHeatmap.shade(0.5));
        assertEquals(new Color(0x08306B), ConfusionHeatmap.shade(1));
        // 0.9 lies 0.6 of the way from #2171B5 (33,113,181) at 0.75 to #08306B (8,48,107) at 1:
        // 33 - 0.6*25 = 18, 113 - 0.6*65 = 74, 181 - 0.6*74 = 136.6 -> 137.
        assertEquals(new Color(18, 74, 137), ConfusionHeatmap.shade(0.9));
        assertEquals(new Color(0x08306B), ConfusionHeatmap.shade(1.7));
    }

    @Test
    void cellsAreShadedByTheirShareOfTheRow() {
        BufferedImage image = ConfusionHeatmap.draw(MATRIX, "test");
        assertEquals(ConfusionHeatmap.WIDTH, image.getWidth());
        assertEquals(ConfusionHeatmap.HEIGHT, image.getHeight());
        ConfusionHeatmap.Layout layout;
        try (Figure scratch = new Figure(10, 10)) {
            layout = ConfusionHeatmap.layout(MATRIX, scratch.graphics());
        }
        // Row shares by hand: 27/30 = 0.9; 16/20 = 0.8; 0/10 = 0; 6/10 = 0.6.
        // 0.8: 0.2 of the way from (33,113,181) to (8,48,107): 28, 100, 166.2 -> 166.
        // 0.6: 0.4 of the way from #6BAED6 (107,174,214) to #2171B5 (33,113,181):
        // 107 - 29.6 = 77.4 -> 77, 174 - 24.4 = 149.6 -> 150, 214 - 13.2 = 200.8 -> 201.
        assertEquals(new Color(18, 74, 137).getRGB(), corner(image, layout.cell(0, 0)));
        assertEquals(new Color(28, 100, 166).getRGB(), corner(image, layout.cell(1, 1)));
        assertEquals(new Color(0xF7FBFF).getRGB(), corner(image, layout.cell(2, 0)));
        assertEquals(new Color(77, 150, 201).getRGB(), corner(image, layout.cell(2, 2)));
    }

    @Test
    void matrixArithmetic() {
        // Diagonal 27 + 16 + 6 = 49 of 60 windows.
        assertEquals(60, MATRIX.total());
        assertEquals(49.0 / 60, MATRIX.accuracy(), 1e-15);
        // Row 1 is 3, 16, 1: 3 of its 20 windows went to class 0.
        assertEquals(0.15, MATRIX.rowShare(1, 0), 1e-15);
        ConfusionCounts twice = MATRIX.plus(MATRIX);
        assertEquals(54, twice.counts()[0][0]);
        assertEquals(MATRIX.accuracy(), twice.accuracy(), 1e-15);
        ConfusionCounts other = new ConfusionCounts(List.of("A", "B", "C"), new long[3][3]);
        assertThrows(IllegalArgumentException.class, () -> MATRIX.plus(other));
    }

    /** The pixel just inside a cell's top left corner, clear of the white grid and the text. */
    private static int corner(BufferedImage image, Rectangle cell) {
        return image.getRGB(cell.x + 4, cell.y + 4);
    }
}
