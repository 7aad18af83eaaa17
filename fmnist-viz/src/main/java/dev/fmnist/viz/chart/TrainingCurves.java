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
 * Loss and accuracy per epoch, training and validation, as stacked plots sharing the epoch axis (what
 * people draw from Keras's {@code history.history}). Validation lines appear only for epochs that have
 * validation metrics (a validation split); the test set, evaluated once after training, is one point
 * labelled {@code test} at the last epoch. When the learning rate changed during training a third plot
 * shows it per epoch; the best epoch and the epoch where early stopping ended training are marked.
 * Immutable.
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
    /** Series name of the test set's one evaluation after training. */
    public static final String TEST = "test";
    /** Series name of the learning rate. */
    public static final String LEARNING_RATE = "learning rate";

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
        plot.add(subplot(history, "Loss", EpochStats::loss, EpochStats::validationLoss, history.testLoss(), false),
                3);
        plot.add(subplot(history, "Accuracy", EpochStats::accuracy, EpochStats::validationAccuracy,
                history.testAccuracy(), true), 3);
        if (learningRateChanged(history)) {
            plot.add(rateSubplot(history), 2);
        }
        for (Object sub : plot.getSubplots()) {
            mark((XYPlot) sub, history);
        }
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
        chart.getLegend().setItemFont(Charts.LABEL);
        return Charts.style(chart, "Training history", Palette.TEXT);
    }

    /** The figure's caption: what the lines are and what the markers mean. */
    public static String caption(History history) {
        StringBuilder sb = new StringBuilder("Loss and accuracy per epoch");
        if (history.epochs().stream().anyMatch(EpochStats::hasValidation)) {
            sb.append(", on the training images and the held-out validation split");
        }
        if (history.hasTest()) {
            sb.append("; the test set, evaluated once after training, is the last point");
        }
        if (learningRateChanged(history)) {
            sb.append("; below, the learning rate");
        }
        if (history.bestEpoch() > 0) {
            sb.append("; the dashed line marks the best epoch (").append(history.bestEpoch()).append(" by ")
                    .append(history.monitor()).append(")");
        }
        if (history.stoppedEpoch() > 0) {
            sb.append("; early stopping ended training after epoch ").append(history.stoppedEpoch());
        }
        return sb.append('.').toString();
    }

    /** Whether the learning rate took more than one value. */
    static boolean learningRateChanged(History history) {
        return history.epochs().stream().mapToDouble(EpochStats::learningRate).filter(Double::isFinite).distinct()
                .count() > 1;
    }

    private static void mark(XYPlot plot, History history) {
        if (history.bestEpoch() > 0) {
            org.jfree.chart.plot.ValueMarker best = new org.jfree.chart.plot.ValueMarker(history.bestEpoch(),
                    Palette.VALIDATION, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                            new float[] {6, 4}, 0));
            plot.addDomainMarker(best);
        }
    }

    private static XYPlot rateSubplot(History history) {
        XYSeries rates = new XYSeries(LEARNING_RATE);
        for (EpochStats e : history.epochs()) {
            add(rates, e.epoch(), e.learningRate());
        }
        NumberAxis axis = new NumberAxis("Learning rate");
        axis.setAutoRangeIncludesZero(true);
        axis.setLabelFont(Charts.LABEL);
        axis.setTickLabelFont(Charts.TICK);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.0##E0"));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Palette.TEXT);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setDefaultSeriesVisibleInLegend(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(rates), null, axis, renderer);
        plot.setBackgroundPaint(Palette.BACKGROUND);
        plot.setDomainGridlinePaint(Charts.GRID);
        plot.setRangeGridlinePaint(Charts.GRID);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static XYPlot subplot(History history, String name, ToDoubleFunction<EpochStats> train,
            ToDoubleFunction<EpochStats> validation, double test, boolean fraction) {
        XYSeries trainSeries = new XYSeries(TRAIN);
        XYSeries validationSeries = new XYSeries(VALIDATION);
        XYSeries testSeries = new XYSeries(TEST);
        for (EpochStats e : history.epochs()) {
            add(trainSeries, e.epoch(), train.applyAsDouble(e));
            add(validationSeries, e.epoch(), validation.applyAsDouble(e));
        }
        add(testSeries, history.last().epoch(), test);
        XYSeriesCollection data = new XYSeriesCollection(trainSeries);
        boolean hasValidation = validationSeries.getItemCount() > 0;
        if (hasValidation) {
            data.addSeries(validationSeries);
        }
        if (testSeries.getItemCount() > 0) {
            data.addSeries(testSeries);
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
        int testIndex = data.getSeriesIndex(TEST);
        if (testIndex >= 0) {
            renderer.setSeriesPaint(testIndex, Palette.TEXT);
            renderer.setSeriesLinesVisible(testIndex, false);
            renderer.setSeriesShape(testIndex, new java.awt.geom.Rectangle2D.Double(-6, -6, 12, 12));
        }
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
