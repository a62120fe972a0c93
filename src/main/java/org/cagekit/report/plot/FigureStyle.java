package org.cagekit.report.plot;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look shared by every cagekit picture: white background, a light grid, sans-serif type sized
 * to be read when the PNG is shown at half its width in a browser.
 */
public final class FigureStyle {
    /** Logical font family; the JDK maps it to an installed sans-serif (DejaVu Sans on Debian). */
    public static final String FAMILY = Font.SANS_SERIF;

    /** Figure title. */
    public static final Font TITLE = new Font(FAMILY, Font.BOLD, 20);

    /** Panel title. */
    public static final Font PANEL_TITLE = new Font(FAMILY, Font.BOLD, 17);

    /** Axis titles. */
    public static final Font AXIS_TITLE = new Font(FAMILY, Font.PLAIN, 16);

    /** Tick labels and cell text. */
    public static final Font TICK = new Font(FAMILY, Font.PLAIN, 14);

    /** Legend entries. */
    public static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 15);

    /** Small print under a figure. */
    public static final Font NOTE = new Font(FAMILY, Font.PLAIN, 13);

    /** Dark text. */
    public static final Color INK = new Color(0x222222);

    /** Grid lines and plot borders. */
    public static final Color GRID = new Color(0xDDDDDD);

    private FigureStyle() {}

    /** Applies the shared look to an XChart styler. */
    public static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xAAAAAA));
        styler.setPlotBorderVisible(true);
        styler.setPlotGridLinesColor(GRID);
        styler.setChartFontColor(INK);
        styler.setChartTitleFont(PANEL_TITLE);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(AXIS_TITLE);
        styler.setAxisTickLabelsFont(TICK);
        styler.setAxisTickLabelsColor(INK);
        styler.setLegendFont(LEGEND);
        styler.setLegendBorderColor(GRID);
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        styler.setChartPadding(14);
        styler.setToolTipsEnabled(false);
        styler.setAntiAlias(true);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
    }
}
