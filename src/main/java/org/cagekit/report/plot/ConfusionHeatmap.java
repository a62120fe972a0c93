package org.cagekit.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws a confusion matrix as a heatmap ({@code confusion_test.png}, {@code confusion_val.png}):
 * true classes down the left, predicted classes along the bottom (names turned 45 degrees), each
 * cell showing its count and, when the cell is large enough, its share of the true class's windows,
 * and shaded by that share (row normalisation), so that a rare class's errors are as visible as a
 * common one's. A colour bar on the right gives the scale.
 *
 * <p>The shading runs through five fixed colours from share 0 to share 1, linearly between them:
 * {@code #F7FBFF} (0), {@code #C6DBEF} (0.25), {@code #6BAED6} (0.5), {@code #2171B5} (0.75),
 * {@code #08306B} (1). A row without windows is shaded as zero. Text turns white on cells darker
 * than the middle of the scale.
 *
 * <p>The matrix is drawn with Java 2D rather than XChart's heat map, which labels each cell with
 * the value that shades it and so cannot show counts over row-normalised colour.
 */
public final class ConfusionHeatmap {
    /** Width of the picture in pixels. */
    public static final int WIDTH = 1100;

    /** Height of the picture in pixels. */
    public static final int HEIGHT = 1000;

    private static final double[] STOPS = {0, 0.25, 0.5, 0.75, 1};
    private static final Color[] RAMP = {
        new Color(0xF7FBFF),
        new Color(0xC6DBEF),
        new Color(0x6BAED6),
        new Color(0x2171B5),
        new Color(0x08306B)
    };
    private static final int COLOUR_BAR = 140;
    private static final int MARGIN = 20;
    private static final int AXIS_TITLE = 34;

    private ConfusionHeatmap() {}

    /**
     * Positions of the parts of the picture.
     *
     * @param left x of the grid's left edge
     * @param top y of the grid's top edge
     * @param cell side of a cell in pixels
     * @param labelFont font of the class names
     */
    record Layout(int left, int top, int cell, Font labelFont) {
        Rectangle cell(int trueClass, int predicted) {
            return new Rectangle(left + predicted * cell, top + trueClass * cell, cell, cell);
        }
    }

    /**
     * Draws the heatmap.
     *
     * @param matrix the counts
     * @param title the figure title, for example {@code Confusion matrix, test split}
     */
    public static BufferedImage draw(ConfusionCounts matrix, String title) {
        if (matrix.classes().isEmpty()) {
            throw new IllegalArgumentException("cannot draw a confusion matrix without classes");
        }
        try (Figure figure = new Figure(WIDTH, HEIGHT)) {
            Graphics2D g = figure.graphics();
            Layout layout = layout(matrix, g);
            int n = matrix.classes().size();
            figure.title(
                    title,
                    String.format(
                            Locale.ROOT,
                            "%d windows, accuracy %.2f %%; cells: count and share of the true"
                                    + " class, shaded by that share",
                            matrix.total(),
                            100 * matrix.accuracy()));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    drawCell(g, layout, matrix, i, j);
                }
            }
            g.setColor(new Color(0x999999));
            g.setStroke(new BasicStroke(1f));
            g.drawRect(layout.left(), layout.top(), n * layout.cell(), n * layout.cell());
            drawClassNames(g, layout, matrix);
            drawColourBar(g, layout, n);
            return figure.image();
        }
    }

    /** The shade of a row share in [0, 1]; values outside are clamped. */
    static Color shade(double share) {
        double s = Math.max(0, Math.min(1, share));
        int k = 0;
        while (k < STOPS.length - 2 && s > STOPS[k + 1]) {
            k++;
        }
        double t = (s - STOPS[k]) / (STOPS[k + 1] - STOPS[k]);
        Color a = RAMP[k];
        Color b = RAMP[k + 1];
        return new Color(
                (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** Computes where the grid goes, shrinking the class-name font until the names fit. */
    static Layout layout(ConfusionCounts matrix, Graphics2D g) {
        int n = matrix.classes().size();
        int size = FigureStyle.TICK.getSize();
        while (true) {
            Font font = FigureStyle.TICK.deriveFont((float) size);
            FontMetrics metrics = g.getFontMetrics(font);
            int widest = 0;
            for (String name : matrix.classes()) {
                widest = Math.max(widest, metrics.stringWidth(name));
            }
            int left = MARGIN + AXIS_TITLE + widest + 10;
            // Names at 45 degrees drop by widest / sqrt(2) plus one line of text.
            int bottom = (int) Math.ceil(widest / Math.sqrt(2)) + metrics.getHeight() + 14;
            int top = Figure.TITLE_HEIGHT + 12;
            int availableWidth = WIDTH - left - COLOUR_BAR - MARGIN;
            int availableHeight = HEIGHT - top - bottom - AXIS_TITLE - MARGIN;
            int cell = Math.min(availableWidth, availableHeight) / n;
            if (cell >= 2 * metrics.getHeight() || size <= 8) {
                if (cell < 1) {
                    throw new IllegalArgumentException(
                            "too many classes ("
                                    + n
                                    + ") for a "
                                    + WIDTH
                                    + "x"
                                    + HEIGHT
                                    + " confusion picture");
                }
                return new Layout(left, top, cell, font);
            }
            size--;
        }
    }

    private static void drawCell(
            Graphics2D g, Layout layout, ConfusionCounts matrix, int i, int j) {
        Rectangle r = layout.cell(i, j);
        double share = matrix.rowShare(i, j);
        g.setColor(shade(share));
        g.fillRect(r.x, r.y, r.width, r.height);
        g.setColor(Color.WHITE);
        g.drawRect(r.x, r.y, r.width, r.height);

        long count = matrix.counts()[i][j];
        Color ink = share > 0.45 ? Color.WHITE : count == 0 ? new Color(0xB0B0B0) : FigureStyle.INK;
        int countSize = (int) Math.max(8, Math.min(17, r.height * 0.3));
        Font countFont = new Font(FigureStyle.FAMILY, Font.BOLD, countSize);
        Font shareFont = new Font(FigureStyle.FAMILY, Font.PLAIN, Math.max(8, countSize - 4));
        String countText = Long.toString(count);
        boolean withShare = count > 0 && r.height >= 44;
        FontMetrics cm = g.getFontMetrics(countFont);
        FontMetrics sm = g.getFontMetrics(shareFont);
        int textHeight = cm.getAscent() + (withShare ? sm.getAscent() + 3 : 0);
        int baseline = r.y + (r.height - textHeight) / 2 + cm.getAscent();
        g.setColor(ink);
        g.setFont(countFont);
        g.drawString(countText, r.x + (r.width - cm.stringWidth(countText)) / 2, baseline);
        if (withShare) {
            String shareText =
                    share < 0.005 ? "<1%" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
            g.setFont(shareFont);
            g.drawString(
                    shareText,
                    r.x + (r.width - sm.stringWidth(shareText)) / 2,
                    baseline + 3 + sm.getAscent());
        }
    }

    private static void drawClassNames(Graphics2D g, Layout layout, ConfusionCounts matrix) {
        int n = matrix.classes().size();
        int cell = layout.cell();
        g.setFont(layout.labelFont());
        g.setColor(FigureStyle.INK);
        FontMetrics metrics = g.getFontMetrics();
        int widest = 0;
        for (int i = 0; i < n; i++) {
            String name = matrix.classes().get(i);
            widest = Math.max(widest, metrics.stringWidth(name));
            int y = layout.top() + i * cell + cell / 2 + metrics.getAscent() / 2 - 1;
            g.drawString(name, layout.left() - 8 - metrics.stringWidth(name), y);
        }
        int gridBottom = layout.top() + n * cell;
        AffineTransform saved = g.getTransform();
        for (int j = 0; j < n; j++) {
            String name = matrix.classes().get(j);
            double x = layout.left() + j * cell + cell / 2.0 + metrics.getAscent() / 3.0;
            g.translate(x, gridBottom + 8);
            g.rotate(-Math.PI / 4);
            g.drawString(name, -metrics.stringWidth(name), 0);
            g.setTransform(saved);
        }

        g.setFont(FigureStyle.AXIS_TITLE);
        FontMetrics am = g.getFontMetrics();
        String predicted = "Predicted class";
        int labelDrop = (int) Math.ceil(widest / Math.sqrt(2)) + metrics.getHeight() + 14;
        g.drawString(
                predicted,
                layout.left() + (n * cell - am.stringWidth(predicted)) / 2,
                gridBottom + labelDrop + am.getAscent());
        String actual = "True class";
        g.translate(
                MARGIN + am.getAscent(), layout.top() + (n * cell + am.stringWidth(actual)) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(actual, 0, 0);
        g.setTransform(saved);
    }

    private static void drawColourBar(Graphics2D g, Layout layout, int n) {
        int height = Math.min(n * layout.cell(), 480);
        int x = layout.left() + n * layout.cell() + 30;
        int y = layout.top() + (n * layout.cell() - height) / 2;
        int width = 22;
        for (int k = 0; k < height; k++) {
            g.setColor(shade(1 - (double) k / (height - 1)));
            g.fillRect(x, y + k, width, 1);
        }
        g.setColor(new Color(0x999999));
        g.drawRect(x, y, width, height);
        g.setFont(FigureStyle.TICK);
        FontMetrics metrics = g.getFontMetrics();
        for (int tick = 0; tick <= 4; tick++) {
            double share = tick / 4.0;
            int ty = y + (int) Math.round((1 - share) * height);
            g.setColor(new Color(0x999999));
            g.drawLine(x + width, ty, x + width + 5, ty);
            g.setColor(FigureStyle.INK);
            g.drawString(
                    String.format(Locale.ROOT, "%.0f%%", 100 * share),
                    x + width + 8,
                    ty + metrics.getAscent() / 2 - 1);
        }
        AffineTransform saved = g.getTransform();
        String title = "Share of the true class";
        g.setFont(FigureStyle.NOTE);
        FontMetrics tm = g.getFontMetrics();
        g.translate(x + width + 70, y + (height + tm.stringWidth(title)) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(title, 0, 0);
        g.setTransform(saved);
    }
}
