package org.cagekit.report.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * Scatter maps of embeddings coloured by class: {@code split_embeddings.png} (the accelerometer and
 * gyroscope t-SNE maps side by side) and {@code pca.png} (the first two principal components of the
 * concatenated embedding). Both share one class legend on the right, with every class of the table
 * listed in class-id order whether or not it survived subsampling.
 */
public final class EmbeddingFigure {
    /** Width of {@code split_embeddings.png} in pixels. */
    public static final int SPLIT_WIDTH = 1800;

    /** Height of {@code split_embeddings.png} in pixels. */
    public static final int SPLIT_HEIGHT = 860;

    /** Width of {@code pca.png} in pixels. */
    public static final int PCA_WIDTH = 1200;

    /** Height of {@code pca.png} in pixels. */
    public static final int PCA_HEIGHT = 860;

    private static final int NOTE_HEIGHT = 30;

    private EmbeddingFigure() {}

    /**
     * Draws the two t-SNE maps side by side.
     *
     * @param table the embeddings, for labels and class names
     * @param accel the accelerometer map
     * @param gyro the gyroscope map, of the same rows
     * @param title the figure title, for example naming the split
     */
    public static BufferedImage split(
            EmbeddingTable table, MapCoordinates accel, MapCoordinates gyro, String title) {
        List<String> names = new ArrayList<>(table.classNames().values());
        try (Figure figure = new Figure(SPLIT_WIDTH, SPLIT_HEIGHT)) {
            int legend = figure.legendWidth(names, "Class", 180, 420);
            int top = Figure.TITLE_HEIGHT;
            int panelHeight = SPLIT_HEIGHT - top - NOTE_HEIGHT;
            int panelWidth = (SPLIT_WIDTH - legend) / 2;
            figure.title(title, subsampleNote(table, accel));
            figure.panel(
                    scatter("Accelerometer embedding", table, accel, panelWidth, panelHeight),
                    0,
                    top,
                    panelWidth,
                    panelHeight);
            figure.panel(
                    scatter("Gyroscope embedding", table, gyro, panelWidth, panelHeight),
                    panelWidth,
                    top,
                    panelWidth,
                    panelHeight);
            figure.legend("Class", names, 2 * panelWidth + 8, top + 20, legend - 12, panelHeight);
            figure.note(accel.method(), 16, SPLIT_HEIGHT - 10);
            return figure.image();
        }
    }

    /**
     * Draws the PCA map.
     *
     * @param table the embeddings, for labels and class names
     * @param map the PCA coordinates
     * @param title the figure title
     */
    public static BufferedImage pca(EmbeddingTable table, MapCoordinates map, String title) {
        List<String> names = new ArrayList<>(table.classNames().values());
        try (Figure figure = new Figure(PCA_WIDTH, PCA_HEIGHT)) {
            int legend = figure.legendWidth(names, "Class", 180, 420);
            int top = Figure.TITLE_HEIGHT;
            int panelHeight = PCA_HEIGHT - top - NOTE_HEIGHT;
            figure.title(title, subsampleNote(table, map));
            figure.panel(
                    scatter(null, table, map, PCA_WIDTH - legend, panelHeight),
                    0,
                    top,
                    PCA_WIDTH - legend,
                    panelHeight);
            figure.legend(
                    "Class", names, PCA_WIDTH - legend + 8, top + 20, legend - 12, panelHeight);
            figure.note(map.method(), 16, PCA_HEIGHT - 10);
            return figure.image();
        }
    }

    private static XYChart scatter(
            String title, EmbeddingTable table, MapCoordinates map, int width, int height) {
        XYChart chart =
                new XYChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title == null ? "" : title)
                        .xAxisTitle(map.xTitle())
                        .yAxisTitle(map.yTitle())
                        .build();
        FigureStyle.apply(chart.getStyler());
        chart.getStyler().setChartTitleVisible(title != null);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(map.rows().length > 1500 ? 6 : 8);
        chart.getStyler().setDecimalPattern("0.#");
        List<Integer> ids = new ArrayList<>(table.classNames().keySet());
        for (int position = 0; position < ids.size(); position++) {
            int id = ids.get(position);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < map.rows().length; i++) {
                if (table.labels()[map.rows()[i]] == id) {
                    xs.add(map.x()[i]);
                    ys.add(map.y()[i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(table.classNames().get(id), xs, ys);
            series.setMarker(ClassPalette.marker(position));
            series.setMarkerColor(ClassPalette.colour(position, 170));
        }
        return chart;
    }

    private static String subsampleNote(EmbeddingTable table, MapCoordinates map) {
        int shown = map.rows().length;
        if (shown == table.size()) {
            return String.format(Locale.ROOT, "all %d windows", shown);
        }
        return String.format(
                Locale.ROOT,
                "%d of %d windows (class-stratified seeded subsample)",
                shown,
                table.size());
    }
}
