package dev.fmnist.viz.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import dev.fmnist.viz.chart.TrainingCurves;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** What the report and its curves show of the callbacks: best epoch, early stop, learning rate, test point. */
class CallbackHistoryTest {
    private static History history() {
        return new History(List.of(new EpochStats(1, 0.5, 0.8, 0.45, 0.83, 100, 1, 1e-3),
                new EpochStats(2, 0.4, 0.85, 0.40, 0.86, 100, 1, 1e-3),
                new EpochStats(3, 0.35, 0.87, 0.42, 0.85, 100, 1, 1e-4))).withBest("val_loss", 2).withStopped(3)
                .withTest(0.41, 0.855);
    }

    @Test
    void curvesAddTheLearningRateTheTestPointAndTheBestEpoch() {
        JFreeChart chart = TrainingCurves.defaults().chart(history());
        List<?> plots = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
        assertThat(plots).hasSize(3);
        XYPlot loss = (XYPlot) plots.get(0);
        assertThat(loss.getDataset().getSeriesCount()).isEqualTo(3);
        assertThat(loss.getDataset().getSeriesKey(2)).isEqualTo(TrainingCurves.TEST);
        assertThat(loss.getDataset().getXValue(2, 0)).isEqualTo(3.0);
        assertThat(loss.getDataset().getYValue(2, 0)).isEqualTo(0.41);
        assertThat(loss.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(1);
        assertThat(TrainingCurves.caption(history())).contains("best epoch (2 by val_loss)")
                .contains("after epoch 3").contains("learning rate").contains("test set");
        History constant = new History(List.of(new EpochStats(1, 0.5, 0.8, Double.NaN, Double.NaN, 1, 1, 1e-3)));
        assertThat(((CombinedDomainXYPlot) TrainingCurves.defaults().chart(constant).getXYPlot()).getSubplots())
                .hasSize(2);
    }

    @Test
    void theTableMarksTheBestEpochAndSaysWhereTrainingStopped() {
        StringBuilder sb = new StringBuilder();
        HistorySection.append(sb, history());
        assertThat(sb).contains("2 (best)").contains("Learning rate").contains("0.000100")
                .contains("Stopped early after epoch 3. Best epoch: 2 by val_loss.")
                .contains("Test set, evaluated once after training: loss 0.4100");
    }
}
