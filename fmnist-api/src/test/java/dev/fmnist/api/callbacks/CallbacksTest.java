package dev.fmnist.api.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import dev.fmnist.api.training.OptimizerState;
import dev.fmnist.api.training.TrainingControl;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbacksTest {
    static final ModelSpec TINY = new ModelSpec("tiny", List.of(new LayerSpec.Flatten(),
            new LayerSpec.Dense(8, Activation.RELU), new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));

    /** A control that records what callbacks ask for; weights are tagged by the epoch they belong to. */
    static final class Recorder implements TrainingControl {
        boolean validation = true;
        double learningRate = 1e-3;
        boolean stopped;
        int weightsEpoch;
        int restoredEpoch;
        String monitor;
        int best;
        int epoch;

        @Override
        public ModelSpec spec() {
            return TINY;
        }

        @Override
        public boolean hasValidation() {
            return validation;
        }

        @Override
        public int epochs() {
            return 10;
        }

        @Override
        public double learningRate() {
            return learningRate;
        }

        @Override
        public void setLearningRate(double value) {
            learningRate = value;
        }

        @Override
        public Weights weights() {
            weightsEpoch = epoch;
            return Initializers.glorotUniform(TINY, epoch);
        }

        @Override
        public void setWeights(Weights weights) {
            for (int e = 0; e <= 10; e++) {
                if (weights.equals(Initializers.glorotUniform(TINY, e))) {
                    restoredEpoch = e;
                }
            }
        }

        @Override
        public void stopTraining() {
            stopped = true;
        }

        @Override
        public void recordBest(String metric, int value) {
            monitor = metric;
            best = value;
        }

        @Override
        public History history() {
            return History.empty();
        }

        @Override
        public OptimizerState optimizerState() {
            return null;
        }

        @Override
        public Provenance provenance() {
            return Provenance.now("fake", "0", TrainingConfig.defaults(), "d", "unknown", Map.of(), false, epoch);
        }
    }

    private static EpochStats valLoss(int epoch, double value) {
        return new EpochStats(epoch, 1, 0.5, value, 0.5, 100, 1, 1e-3);
    }

    /** Feeds val_loss values to a listener; returns the epoch at which the control was asked to stop, or 0. */
    private static int feed(dev.fmnist.api.training.TrainingListener l, Recorder c, double... values) {
        l.attach(c);
        for (int i = 0; i < values.length; i++) {
            c.epoch = i + 1;
            l.onEpochStart(i + 1, values.length, 10);
            l.onEpochEnd(valLoss(i + 1, values[i]));
            if (c.stopped) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void earlyStoppingWaitsPatienceEpochsAfterTheBest() {
        Recorder c = new Recorder();
        EarlyStopping es = new EarlyStopping(Monitor.valLoss(), 2, 0, true);
        assertThat(feed(es, c, 1.0, 0.9, 0.95, 0.91, 0.5)).isEqualTo(4);
        assertThat(es.bestEpoch()).isEqualTo(2);
        assertThat(c.best).isEqualTo(2);
        assertThat(c.monitor).isEqualTo("val_loss");
        es.onFitEnd(History.empty());
        assertThat(c.restoredEpoch).isEqualTo(2);
    }

    @Test
    void earlyStoppingCountsOnlyImprovementsAboveMinDelta() {
        Recorder c = new Recorder();
        // 0.95 and 0.92 improve on 1.0 by less than 0.1: epochs 2 and 3 count as no improvement.
        assertThat(feed(new EarlyStopping(Monitor.valLoss(), 2, 0.1, false), c, 1.0, 0.95, 0.92, 0.1)).isEqualTo(3);
        // Accuracy is maximised in auto mode.
        Recorder d = new Recorder();
        EarlyStopping acc = new EarlyStopping(new Monitor("val_accuracy", Monitor.Mode.AUTO), 1, 0, false);
        acc.attach(d);
        acc.onEpochEnd(new EpochStats(1, 1, 0.5, 1, 0.80, 1, 1));
        acc.onEpochEnd(new EpochStats(2, 1, 0.5, 1, 0.85, 1, 1));
        assertThat(d.stopped).isFalse();
        acc.onEpochEnd(new EpochStats(3, 1, 0.5, 1, 0.84, 1, 1));
        assertThat(d.stopped).isTrue();
        assertThat(acc.bestEpoch()).isEqualTo(2);
    }

    @Test
    void validationMonitorsNeedAValidationSet() {
        Recorder c = new Recorder();
        c.validation = false;
        assertThatThrownBy(() -> EarlyStopping.patience(3).attach(c)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--validation-split");
        new EarlyStopping(new Monitor("loss", Monitor.Mode.AUTO), 3, 0, false).attach(c);
        assertThatThrownBy(() -> new Monitor("val_los", Monitor.Mode.AUTO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("val_loss");
    }

    @Test
    void reduceLrOnPlateauCutsTheRateAndCoolsDown() {
        Recorder c = new Recorder();
        ReduceLROnPlateau r = new ReduceLROnPlateau(Monitor.valLoss(), 0.5, 2, 1e-4, 1, 1e-4);
        List<Double> rates = new ArrayList<>();
        r.attach(c);
        double[] values = {1.0, 0.99995, 0.99999, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6};
        for (int i = 0; i < values.length; i++) {
            r.onEpochEnd(valLoss(i + 1, values[i]));
            rates.add(c.learningRate);
        }
        // As Keras: epochs 2 and 3 do not improve by min_delta, so halve after 3; epoch 4 ends the cooldown and
        // counts, so halve after 5, and after 7; after 9 the halving stops at min_lr.
        assertThat(rates).containsExactly(1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4, 2.5e-4, 1.25e-4, 1.25e-4, 1e-4);
        assertThat(ReduceLROnPlateau.keras()).isNotNull();
    }

    @Test
    void schedulesGiveKerasEpochRates() {
        LearningRateSchedule step = LearningRateSchedule.parse("step:0.5:2");
        assertThat(step.rate(1e-3, 0, 5)).isEqualTo(1e-3);
        assertThat(step.rate(1e-3, 1, 5)).isEqualTo(1e-3);
        assertThat(step.rate(1e-3, 2, 5)).isEqualTo(5e-4);
        assertThat(step.rate(1e-3, 4, 5)).isEqualTo(2.5e-4);
        LearningRateSchedule exp = LearningRateSchedule.parse("exponential:0.9");
        assertThat(exp.rate(1e-3, 3, 5)).isCloseTo(1e-3 * 0.729, within(1e-15));
        LearningRateSchedule cos = LearningRateSchedule.parse("cosine");
        assertThat(cos.rate(1e-3, 0, 4)).isEqualTo(1e-3);
        assertThat(cos.rate(1e-3, 2, 4)).isCloseTo(5e-4, within(1e-15));
        assertThat(LearningRateSchedule.parse("cosine:0.1").rate(1, 4, 4)).isCloseTo(0.1, within(1e-15));
        assertThatThrownBy(() -> LearningRateSchedule.parse("linear:2")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cosine");
        Recorder c = new Recorder();
        LearningRateScheduler scheduler = new LearningRateScheduler(step, 1e-3);
        scheduler.attach(c);
        scheduler.onEpochStart(3, 5, 10);
        assertThat(c.learningRate).isEqualTo(5e-4);
    }

    @Test
    void trainingRecordsTheScheduledRates(@TempDir Path dir) throws IOException {
        TrainingConfig config = TrainingConfig.defaults().withEpochs(4).withBatchSize(32).withValidationSplit(0.2);
        Path csv = dir.resolve("log.csv");
        TrainingJob job = TrainingJob.of(TINY, SyntheticData.blobs("s", 200, 3), config)
                .withListener(new LearningRateScheduler(LearningRateSchedule.parse("step:0.1:2"), 1e-3))
                .withListener(new CsvLogger(csv))
                .withListener(new ModelCheckpoint(dir.resolve("every-{epoch:02d}.fmnist"), Monitor.valLoss(), false))
                .withListener(new ModelCheckpoint(dir.resolve("best.fmnist"), Monitor.valLoss(), true));
        TrainingResult r = new FakeBackendProvider().create().trainer().fit(job);
        assertThat(r.history().epochs()).extracting(EpochStats::learningRate)
                .containsExactly(1e-3, 1e-3, 1e-4, 1e-4);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("epoch,accuracy,learning_rate,loss,val_accuracy,val_loss");
        EpochStats third = r.history().epochs().get(2);
        assertThat(lines.get(3)).isEqualTo("2," + third.accuracy() + ",1.0E-4," + third.loss() + ","
                + third.validationAccuracy() + "," + third.validationLoss());
        for (int e = 1; e <= 4; e++) {
            SavedModel m = ModelFile.read(dir.resolve(String.format("every-%02d.fmnist", e)));
            assertThat(m.history().epochs()).hasSize(e);
            assertThat(m.optimizer().iterations()).isEqualTo(5L * e);
            assertThat(m.provenance().complete()).isFalse();
        }
        SavedModel best = ModelFile.read(dir.resolve("best.fmnist"));
        int bestEpoch = best.history().epochs().size();
        double bestLoss = r.history().epochs().stream().mapToDouble(EpochStats::validationLoss).min().orElseThrow();
        assertThat(r.history().epochs().get(bestEpoch - 1).validationLoss()).isEqualTo(bestLoss);
        assertThat(r.history().bestEpoch()).isEqualTo(bestEpoch);
        assertThat(dir.resolve("every-{epoch:02d}.fmnist")).doesNotExist();
    }

    @Test
    void earlyStoppingEndsARealRunWithTheBestWeights() {
        TrainingConfig config = TrainingConfig.defaults().withEpochs(30).withBatchSize(32).withValidationSplit(0.3)
                .withLearningRate(0.05);
        List<Weights> weights = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        // Validation accuracy reaches its ceiling on the synthetic blobs, then cannot improve: a stop is certain.
        EarlyStopping es = new EarlyStopping(new Monitor("val_accuracy", Monitor.Mode.AUTO), 2, 0, true);
        TrainingJob job = TrainingJob.of(TINY, SyntheticData.blobs("s", 200, 3), config).withListener(es)
                .withListener(new dev.fmnist.api.training.TrainingListener() {
                    TrainingControl control;

                    @Override
                    public void attach(TrainingControl c) {
                        control = c;
                    }

                    @Override
                    public void onEpochEnd(EpochStats stats) {
                        weights.add(control.weights());
                        losses.add(stats.validationAccuracy());
                    }
                });
        TrainingResult r = new FakeBackendProvider().create().trainer().fit(job);
        int stopped = r.history().stoppedEpoch();
        assertThat(stopped).as("stopped early").isBetween(2, 29);
        assertThat(r.history().epochs()).hasSize(stopped);
        assertThat(stopped - es.bestEpoch()).isEqualTo(2);
        assertThat(r.model().weights()).isEqualTo(weights.get(es.bestEpoch() - 1));
        double bestAccuracy = losses.stream().mapToDouble(d -> d).max().orElseThrow();
        assertThat(losses.indexOf(bestAccuracy)).isEqualTo(es.bestEpoch() - 1);
    }
}
