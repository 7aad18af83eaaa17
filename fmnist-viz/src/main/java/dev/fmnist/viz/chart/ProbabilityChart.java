package dev.fmnist.viz.chart;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.viz.Palette;
import java.awt.Color;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The ten class probabilities of one image as bars (the tutorial's {@code plot_value_array}, with class
 * names): the predicted class's bar is blue when right and red when wrong, the true class's bar blue, the
 * others grey. The title reads {@code "Sneaker 97% (true: Sandal)"}. Immutable.
 *
 * <pre>{@code
 * BufferedImage bars = ProbabilityChart.defaults().render(prediction, Optional.of(FashionClass.SANDAL));
 * }</pre>
 */
public final class ProbabilityChart {
    /** The single series' key in the chart's dataset. */
    public static final String SERIES = "probability";

    private final int width;
    private final int height;

    private ProbabilityChart(int width, int height) {
        Charts.checkSize(width, height);
        this.width = width;
        this.height = height;
    }

    /** 560x360 pixels. */
    public static ProbabilityChart defaults() {
        return new ProbabilityChart(560, 360);
    }

    /** The same chart at another size. */
    public ProbabilityChart withSize(int w, int h) {
        return new ProbabilityChart(w, h);
    }

    /** The probabilities as a picture; {@code truth} empty when the true class is unknown. */
    public BufferedImage render(Prediction prediction, Optional<FashionClass> truth) {
        return render(prediction, truth, null);
    }

    /** As {@link #render(Prediction, Optional)}, recording each bar's area in {@code info} (may be null). */
    public BufferedImage render(Prediction prediction, Optional<FashionClass> truth, ChartRenderingInfo info) {
        return Charts.render(chart(prediction, truth), width, height, info);
    }

    /** The colour of class {@code label}'s bar. */
    public static Color barColor(Prediction prediction, Optional<FashionClass> truth, int label) {
        if (truth.isPresent() && truth.get().label() == label) {
            return Palette.CORRECT;
        }
        if (prediction.best().label() == label) {
            return truth.isEmpty() ? Palette.CORRECT : Palette.WRONG;
        }
        return Palette.NEUTRAL;
    }

    /** The JFreeChart chart itself. Categories are the classes' display names in label order. */
    public JFreeChart chart(Prediction prediction, Optional<FashionClass> truth) {
        float[] p = prediction.probabilities();
        if (p.length != FashionClass.COUNT) {
            throw new InvalidInputException("a prediction has " + FashionClass.COUNT + " probabilities, got "
                    + p.length);
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FashionClass c : FashionClass.values()) {
            data.addValue(p[c.label()], SERIES, c.displayName());
        }
        CategoryAxis classes = new CategoryAxis(null);
        classes.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        classes.setTickLabelFont(Charts.TICK);
        classes.setCategoryMargin(0.25);
        NumberAxis probability = new NumberAxis("Probability");
        probability.setRange(0, 1);
        probability.setLabelFont(Charts.LABEL);
        probability.setTickLabelFont(Charts.TICK);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return barColor(prediction, truth, column);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        CategoryPlot plot = new CategoryPlot(data, classes, probability, renderer);
        plot.setRangeGridlinePaint(Charts.GRID);
        FashionClass best = prediction.best();
        String title = String.format(Locale.ROOT, "%s %.0f%%", best.displayName(), 100.0 * p[best.label()])
                + truth.map(t -> " (true: " + t.displayName() + ")").orElse("");
        Color titleColor = truth.isEmpty() ? Palette.TEXT : truth.get() == best ? Palette.CORRECT : Palette.WRONG;
        return Charts.style(new JFreeChart(null, Charts.TITLE, plot, false), title, titleColor);
    }
}
