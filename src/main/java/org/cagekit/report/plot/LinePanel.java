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
