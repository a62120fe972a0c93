package org.cagekit.report.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A picture of a fixed size made of panels: XChart charts painted into rectangles, a title strip, a
 * class legend and small print, on a white RGB canvas. XChart draws one chart per image; composing
 * several here gives side-by-side panels that share one title and one legend.
 *
 * <p>Use in a try-with-resources block: closing disposes of the drawing context; {@link #image()}
 * may be called before or after.
 */
public final class Figure implements AutoCloseable {
    /** Height of the title strip drawn by {@link #title(String, String)}. */
    public static final int TITLE_HEIGHT = 64;

    private final BufferedImage image;
    private final Graphics2D g;

    /** A white canvas of the given size in pixels. */
    public Figure(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "figure size must be positive, got " + width + "x" + height);
        }
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    /** The canvas. */
    public BufferedImage image() {
        return image;
    }

    /** The drawing context, for pictures drawn without XChart. */
    public Graphics2D graphics() {
        return g;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** Draws a centred title and, when not null, a smaller subtitle in the top strip. */
    public void title(String title, String subtitle) {
        g.setColor(FigureStyle.INK);
        centred(title, FigureStyle.TITLE, subtitle == null ? 40 : 28);
        if (subtitle != null) {
            g.setColor(new Color(0x555555));
            centred(subtitle, FigureStyle.NOTE, 52);
        }
    }

    /** Paints a chart into the rectangle with its top left corner at (x, y). */
    public void panel(Chart<?, ?> chart, int x, int y, int width, int height) {
        Graphics2D panel = (Graphics2D) g.create(x, y, width, height);
        try {
            panel.setRenderingHints(g.getRenderingHints());
            chart.paint(panel, width, height);
        } finally {
            panel.dispose();
        }
    }

    /**
     * Draws a class legend: one marker and name per line, from the top of the box, the font shrunk
     * (down to 10 points) until every name fits the width and every line the height.
     *
     * @param title heading above the entries, or null
     * @param names class names in palette order
     */
    public void legend(String title, List<String> names, int x, int y, int width, int height) {
        int size = FigureStyle.LEGEND.getSize();
        Font font = FigureStyle.LEGEND.deriveFont((float) size);
        while (size > 10 && !legendFits(font, title, names, width, height)) {
            size--;
            font = FigureStyle.LEGEND.deriveFont((float) size);
        }
        FontMetrics metrics = g.getFontMetrics(font);
        int line = metrics.getHeight() + 6;
        int cy = y + line;
        if (title != null) {
            g.setFont(font.deriveFont(Font.BOLD));
            g.setColor(FigureStyle.INK);
            g.drawString(title, x + 4, cy);
            cy += line;
        }
        g.setFont(font);
        for (int i = 0; i < names.size(); i++) {
            ClassPalette.drawMarker(g, i, x + 12, cy - metrics.getAscent() / 2.0 + 1, size * 0.8);
            g.setColor(FigureStyle.INK);
            g.drawString(names.get(i), x + 28, cy);
            cy += line;
        }
    }

    /** Width the legend needs for these names at the normal legend font, capped at max. */
    public int legendWidth(List<String> names, String title, int min, int max) {
        FontMetrics metrics = g.getFontMetrics(FigureStyle.LEGEND);
        int widest =
                title == null
                        ? 0
                        : g.getFontMetrics(FigureStyle.LEGEND.deriveFont(Font.BOLD))
                                .stringWidth(title);
        for (String name : names) {
            widest = Math.max(widest, metrics.stringWidth(name) + 28);
        }
        return Math.max(min, Math.min(max, widest + 16));
    }

    /** Draws one line of small print with its left end at (x, y). */
    public void note(String text, int x, int y) {
        g.setFont(FigureStyle.NOTE);
        g.setColor(new Color(0x555555));
        g.drawString(text, x, y);
    }

    private boolean legendFits(Font font, String title, List<String> names, int width, int height) {
        FontMetrics metrics = g.getFontMetrics(font);
        int lines = names.size() + (title == null ? 0 : 1);
        if ((metrics.getHeight() + 6) * (lines + 1) > height) {
            return false;
        }
        for (String name : names) {
            if (metrics.stringWidth(name) + 32 > width) {
                return false;
            }
        }
        return true;
    }

    private void centred(String text, Font font, int baseline) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, Math.max(8, (width() - metrics.stringWidth(text)) / 2), baseline);
    }

    @Override
    public void close() {
        g.dispose();
    }
}
