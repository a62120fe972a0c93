package org.cagekit.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One XChart line chart with markers, used for the per-epoch and per-k curves. The first series is
 * drawn in blue with circles and a solid line, the second in orange with squares and a dashed line,
 * so the two stay apart in grey print too; the legend appears only for two or more series.
 */
final class LinePanel {
    private static final Color[] COLOURS = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0x9467BD)
    };

    private LinePanel() {}

    static XYChart chart(
            String title,
            String xTitle,
            String yTitle,
            List<Series> series,
            Styler.LegendPosition legend,
            int width,
            int height) {
        XYChart chart =
                new XYChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        FigureStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setXAxisDecimalPattern("0.##");
        chart.getStyler().setYAxisDecimalPattern("0.####");
        padAxes(chart, series);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            XYSeries line = chart.addSeries(s.name(), s.x(), s.y());
            Color colour = COLOURS[i % COLOURS.length];
            line.setLineColor(colour);
            line.setMarkerColor(colour);
            line.setMarker(i % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE);
            line.setLineStyle(
                    i % 2 == 0
                            ? new BasicStroke(2.2f)
                            : new BasicStroke(
                                    2.2f,
                                    BasicStroke.CAP_BUTT,
                                    BasicStroke.JOIN_ROUND,
                                    10f,
                                    new float[] {8f, 5f},
                                    0f));
        }
        return chart;
    }

    /**
     * Sets the axis ranges a little wider than the data, so that a curve of one epoch or a constant
     * temperature gets a readable scale instead of XChart's collapsed one: a margin of 8 % of the
     * range on the value axis (10 % of the value, at least 0.001, when the range is 0) and of one
     * unit on either side of a single abscissa.
     */
    static void padAxes(XYChart chart, List<Series> series) {
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.y()) {
                minY = Math.min(minY, v);
                maxY = Math.max(maxY, v);
            }
            for (double v : s.x()) {
                minX = Math.min(minX, v);
                maxX = Math.max(maxX, v);
            }
        }
        if (minY > maxY) {
            return;
        }
        double range = maxY - minY;
        double pad = range > 0 ? 0.08 * range : Math.max(0.1 * Math.abs(maxY), 1e-3);
        chart.getStyler().setYAxisMin(minY - pad);
        chart.getStyler().setYAxisMax(maxY + pad);
        if (minX == maxX) {
            chart.getStyler().setXAxisMin(minX - 1);
            chart.getStyler().setXAxisMax(maxX + 1);
        }
    }

    /**
     * Whether every value of the series lies in [0, 1], in which case the caller shows it as a
     * percentage.
     */
    static boolean isFraction(List<Series> series) {
        for (Series s : series) {
            for (double v : s.y()) {
                if (v < 0 || v > 1) {
                    return false;
                }
            }
        }
        return true;
    }
}
