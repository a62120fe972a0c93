package org.cagekit.report.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Colours and marker shapes for classes, by position in the sorted class list, the same in every
 * picture of a report so that a class keeps its colour from the t-SNE maps to the PCA map.
 *
 * <p>The twelve colours are a qualitative set that stays apart for the common forms of colour
 * blindness in its first eight entries; the shape changes every twelve classes (circle, square,
 * diamond, triangle), so up to 48 classes stay distinguishable by colour and shape together.
 */
public final class ClassPalette {
    private static final Color[] COLOURS = {
        new Color(0x1F77B4),
        new Color(0xFF7F0E),
        new Color(0x2CA02C),
        new Color(0xD62728),
        new Color(0x9467BD),
        new Color(0x8C564B),
        new Color(0xE377C2),
        new Color(0x7F7F7F),
        new Color(0xBCBD22),
        new Color(0x17BECF),
        new Color(0x393B79),
        new Color(0xAD494A),
    };

    private ClassPalette() {}

    /** The shape of a marker. */
    public enum Shape {
        CIRCLE,
        SQUARE,
        DIAMOND,
        TRIANGLE
    }

    /** Colour of the class at this position, fully opaque. */
    public static Color colour(int position) {
        return COLOURS[Math.floorMod(position, COLOURS.length)];
    }

    /** Colour of the class at this position with the given opacity, 0 to 255. */
    public static Color colour(int position, int alpha) {
        Color c = colour(position);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Marker shape of the class at this position. */
    public static Shape shape(int position) {
        return Shape.values()[Math.floorMod(position / COLOURS.length, Shape.values().length)];
    }

    /** The XChart marker drawing {@link #shape(int)}. */
    public static Marker marker(int position) {
        return switch (shape(position)) {
            case CIRCLE -> SeriesMarkers.CIRCLE;
            case SQUARE -> SeriesMarkers.SQUARE;
            case DIAMOND -> SeriesMarkers.DIAMOND;
            case TRIANGLE -> SeriesMarkers.TRIANGLE_UP;
        };
    }

    /** Draws the class's marker centred on (x, y), for legends drawn outside XChart. */
    public static void drawMarker(Graphics2D g, int position, double x, double y, double size) {
        g.setColor(colour(position));
        double h = size / 2;
        java.awt.Shape outline =
                switch (shape(position)) {
                    case CIRCLE -> new Ellipse2D.Double(x - h, y - h, size, size);
                    case SQUARE -> new Rectangle2D.Double(x - h, y - h, size, size);
                    case DIAMOND -> polygon(x, y - h, x + h, y, x, y + h, x - h, y);
                    case TRIANGLE -> polygon(x, y - h, x + h, y + h, x - h, y + h);
                };
        g.fill(outline);
    }

    private static Path2D polygon(double... xy) {
        Path2D path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }
}
