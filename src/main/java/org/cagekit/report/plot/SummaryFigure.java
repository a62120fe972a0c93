package org.cagekit.report.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * {@code summary.png}: one group of bars per experiment variant, the bars being the mean test
 * accuracy, test weighted F1 and test macro F1 over seeds (the test scores present; validation
 * scores when the table has no test score), with whiskers of plus and minus one sample standard
 * deviation over seeds. A variant run with one seed has no whisker. The scale is 0 to 1 for all
 * scores, so that bars compare honestly.
 */
public final class SummaryFigure {
    /** Width of the picture in pixels. */
    public static final int WIDTH = 1600;

    /** Height of the picture in pixels. */
    public static final int HEIGHT = 800;

    private static final Color[] COLOURS = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C)
    };

    private SummaryFigure() {}

    /** The scores drawn: the test scores present, else the validation scores. */
    static List<String> drawnScores(ExperimentSummary summary) {
        List<String> drawn = new ArrayList<>();
        for (String score : summary.scores()) {
            if (score.startsWith("test")) {
                drawn.add(score);
            }
        }
        if (drawn.isEmpty()) {
            drawn.addAll(summary.scores());
        }
        return drawn.subList(0, Math.min(3, drawn.size()));
    }

    /** Draws the bars under the given title. */
    public static BufferedImage draw(ExperimentSummary summary, String title) {
        if (summary.variants().isEmpty()) {
            throw new IllegalArgumentException("an experiment summary without variants");
        }
        int seeds =
                summary.variants().stream()
                        .mapToInt(ExperimentSummary.Variant::seeds)
                        .max()
                        .orElse(0);
        try (Figure figure = new Figure(WIDTH, HEIGHT)) {
            figure.title(
                    title,
                    "bars: mean over seeds (up to "
                            + seeds
                            + " per variant); whiskers: \u00b1 one sample standard deviation");
            int top = Figure.TITLE_HEIGHT;
            CategoryChart chart =
                    new CategoryChartBuilder()
                            .width(WIDTH)
                            .height(HEIGHT - top)
                            .title("")
                            .xAxisTitle("Variant")
                            .yAxisTitle("Score")
                            .build();
            FigureStyle.apply(chart.getStyler());
            chart.getStyler().setChartTitleVisible(false);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(1.0);
            chart.getStyler().setYAxisDecimalPattern("0.0");
            chart.getStyler().setXAxisLabelRotation(20);
            chart.getStyler().setAvailableSpaceFill(0.8);
            chart.getStyler().setErrorBarsColor(FigureStyle.INK);
            chart.getStyler().setPlotGridVerticalLinesVisible(false);

            List<String> variants = new ArrayList<>();
            for (ExperimentSummary.Variant v : summary.variants()) {
                variants.add(v.name());
            }
            List<String> scores = drawnScores(summary);
            for (int s = 0; s < scores.size(); s++) {
                int index = summary.indexOf(scores.get(s));
                List<Double> means = new ArrayList<>();
                List<Double> errors = new ArrayList<>();
                for (ExperimentSummary.Variant v : summary.variants()) {
                    means.add(Double.isNaN(v.mean()[index]) ? 0 : v.mean()[index]);
                    errors.add(Double.isNaN(v.std()[index]) ? 0 : v.std()[index]);
                }
                CategorySeries series = chart.addSeries(scores.get(s), variants, means, errors);
                series.setFillColor(COLOURS[s % COLOURS.length]);
            }
            figure.panel(chart, 0, top, WIDTH, HEIGHT - top);
            return figure.image();
        }
    }
}
