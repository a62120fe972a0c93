package org.cagekit.report.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * {@code training.png}: the training curves of {@link TrainingHistory} side by side, one panel each
 * for the loss (training and validation), the cross-modal top-1 retrieval accuracy (training and
 * validation, in percent when the file holds fractions) and the temperature. Panels whose columns
 * are absent are left out and the others share the width.
 */
public final class TrainingFigure {
    /** Width of the picture in pixels. */
    public static final int WIDTH = 1800;

    /** Height of the picture in pixels. */
    public static final int HEIGHT = 560;

    private TrainingFigure() {}

    /** Draws the curves under the given title. */
    public static BufferedImage draw(TrainingHistory history, String title) {
        List<List<Series>> panels = new ArrayList<>();
        List<String[]> titles = new ArrayList<>();
        List<Series> loss = new ArrayList<>(List.of(history.loss()));
        history.validationLoss().ifPresent(loss::add);
        panels.add(loss);
        titles.add(new String[] {"Loss", "Loss"});

        List<Series> top1 = new ArrayList<>();
        history.top1().ifPresent(top1::add);
        history.validationTop1().ifPresent(top1::add);
        if (!top1.isEmpty()) {
            boolean percent = LinePanel.isFraction(top1);
            if (percent) {
                top1.replaceAll(s -> s.scaled(100));
            }
            panels.add(top1);
            titles.add(
                    new String[] {"Cross-modal top-1 retrieval", percent ? "Top-1 (%)" : "Top-1"});
        }
        history.temperature()
                .ifPresent(
                        t -> {
                            panels.add(List.of(t));
                            titles.add(new String[] {"Temperature", "Temperature \u03c4"});
                        });

        try (Figure figure = new Figure(WIDTH, HEIGHT)) {
            figure.title(title, null);
            int top = Figure.TITLE_HEIGHT;
            int width = WIDTH / panels.size();
            for (int p = 0; p < panels.size(); p++) {
                Styler.LegendPosition legend =
                        p == 1 ? Styler.LegendPosition.InsideSE : Styler.LegendPosition.InsideNE;
                XYChart chart =
                        LinePanel.chart(
                                titles.get(p)[0],
                                "Epoch",
                                titles.get(p)[1],
                                panels.get(p),
                                legend,
                                width,
                                HEIGHT - top);
                figure.panel(chart, p * width, top, width, HEIGHT - top);
            }
            return figure.image();
        }
    }
}
