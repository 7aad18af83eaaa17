package dev.fmnist.viz.chart;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.viz.Palette;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.TextTitle;

/** Common styling and rendering of JFreeChart charts: white, light grid, one font family. */
final class Charts {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(220, 220, 220);

    private Charts() {
    }

    /** Applies the house style to a chart with an optional title. */
    static JFreeChart style(JFreeChart chart, String title, Color titleColor) {
        chart.setBackgroundPaint(Palette.BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (title != null) {
            chart.setTitle(new TextTitle(title, TITLE));
            chart.getTitle().setPaint(titleColor);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Palette.BACKGROUND);
        plot.setOutlineVisible(false);
        return chart;
    }

    /** Renders the chart into an RGB image, recording entity areas in {@code info} if not null. */
    static BufferedImage render(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, info);
    }

    static void checkSize(int width, int height) {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new InvalidInputException("chart size must be 100..10000 pixels each way, got " + width + "x"
                    + height);
        }
    }
}
