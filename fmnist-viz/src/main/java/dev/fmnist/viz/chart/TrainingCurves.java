package dev.fmnist.viz.chart;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import dev.fmnist.viz.Palette;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loss and accuracy per epoch, training and validation, as two stacked plots sharing the epoch axis (what
 * people draw from Keras's {@code history.history}). Validation lines appear only for epochs that have
 * validation metrics. Immutable.
 *
 * <pre>{@code
 * BufferedImage curves = TrainingCurves.defaults().render(result.history());
 * }</pre>
 */
public final class TrainingCurves {
    /** Series name of the training metrics. */
    public static final String TRAIN = "train";
    /** Series name of the validation metrics. */
    public static final String VALIDATION = "validation";

    private final int width;
    private final int height;

    private TrainingCurves(int width, int height) {
        Charts.checkSize(width, height);
        this.width = width;
        this.height = height;
    }

    /** 720x540 pixels. */
    public static TrainingCurves defaults() {
        return new TrainingCurves(720, 540);
    }

    /** The same chart at another size. */
    public TrainingCurves withSize(int w, int h) {
        return new TrainingCurves(w, h);
    }

    /** The curves as a picture. @throws InvalidInputException if no epoch finished */
    public BufferedImage render(History history) {
        return render(history, null);
    }

    /** The curves as a picture, recording chart geometry and entities in {@code info} (may be null). */
    public BufferedImage render(History history, ChartRenderingInfo info) {
        return Charts.render(chart(history), width, height, info);
    }

    /** The JFreeChart chart itself, for callers that want another output (SVG, a window). */
    public JFreeChart chart(History history) {
        if (history.epochs().isEmpty()) {
            throw new InvalidInputException("no training curves to draw: the history has no epochs");
        }
        NumberAxis epochs = new NumberAxis("Epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // A little room either side of the first and last epoch, not from zero (there is no epoch 0).
        int first = history.epochs().get(0).epoch();
        int last = history.last().epoch();
        epochs.setRange(first - 0.25, last + 0.25);
        epochs.setLabelFont(Charts.LABEL);
        epochs.setTickLabelFont(Charts.TICK);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        plot.setGap(14);
        plot.add(subplot(history, "Loss", EpochStats::loss, EpochStats::validationLoss, false));
        plot.add(subplot(history, "Accuracy", EpochStats::accuracy, EpochStats::validationAccuracy, true));
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
        chart.getLegend().setItemFont(Charts.LABEL);
        return Charts.style(chart, "Training history", Palette.TEXT);
    }

    private static XYPlot subplot(History history, String name, ToDoubleFunction<EpochStats> train,
            ToDoubleFunction<EpochStats> validation, boolean fraction) {
        XYSeries trainSeries = new XYSeries(TRAIN);
        XYSeries validationSeries = new XYSeries(VALIDATION);
        for (EpochStats e : history.epochs()) {
            add(trainSeries, e.epoch(), train.applyAsDouble(e));
            add(validationSeries, e.epoch(), validation.applyAsDouble(e));
        }
        XYSeriesCollection data = new XYSeriesCollection(trainSeries);
        boolean hasValidation = validationSeries.getItemCount() > 0;
        if (hasValidation) {
            data.addSeries(validationSeries);
        }
        NumberAxis axis = new NumberAxis(name);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(Charts.LABEL);
        axis.setTickLabelFont(Charts.TICK);
        if (fraction) {
            axis.setNumberFormatOverride(new java.text.DecimalFormat("0.0%"));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Palette.TRAIN);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(1, Palette.VALIDATION);
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        renderer.setSeriesShape(1, new java.awt.geom.Rectangle2D.Double(-4, -4, 8, 8));
        // Both subplots share one legend; only the first contributes to it.
        renderer.setDefaultSeriesVisibleInLegend(!fraction);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Palette.BACKGROUND);
        plot.setDomainGridlinePaint(Charts.GRID);
        plot.setRangeGridlinePaint(Charts.GRID);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static void add(XYSeries series, int epoch, double value) {
        if (Double.isFinite(value)) {
            series.add(epoch, value);
        }
    }
}
