package org.cagekit.report.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * {@code knn_k.png}: KNN accuracy on the validation and test splits against the number of
 * neighbours k, in percent when the file holds fractions.
 */
public final class KnnFigure {
    /** Width of the picture in pixels. */
    public static final int WIDTH = 1000;

    /** Height of the picture in pixels. */
    public static final int HEIGHT = 620;

    private KnnFigure() {}

    /** Draws the curves under the given title. */
    public static BufferedImage draw(KnnCurve curve, String title) {
        List<Series> series = new ArrayList<>(curve.series());
        boolean percent = LinePanel.isFraction(series);
        if (percent) {
            series.replaceAll(s -> s.scaled(100));
        }
        try (Figure figure = new Figure(WIDTH, HEIGHT)) {
            figure.title(title, "accuracy of the k-nearest-neighbour classifier on the embeddings");
            int top = Figure.TITLE_HEIGHT;
            XYChart chart =
                    LinePanel.chart(
                            "",
                            "Number of neighbours k",
                            percent ? "Accuracy (%)" : "Accuracy",
                            series,
                            Styler.LegendPosition.InsideSE,
                            WIDTH,
                            HEIGHT - top);
            chart.getStyler().setChartTitleVisible(false);
            figure.panel(chart, 0, top, WIDTH, HEIGHT - top);
            return figure.image();
        }
    }
}
