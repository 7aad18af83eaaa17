package dev.fmnist.api.training;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Augmentation;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.BatchPlan;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Fingerprinted;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.TrainingDivergedException;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The training loop shared by every backend: Keras-style epochs of seeded, shuffled batches over a
 * {@link TrainingSession}. The backend's {@link Capabilities} are checked first, so a network it cannot run
 * is refused with {@link dev.fmnist.api.error.UnsupportedModelException} before anything is drawn or
 * allocated. All backends then start from {@link Initializers#glorotUniform} with the job's seed and see the
 * same batches (augmented the same way) in the same order, so their results are comparable. As Keras's
 * {@code fit}: a validation split holds out the last part of the training data before any shuffling,
 * listeners may stop training, change the learning rate or restore weights, and a job can resume where an
 * earlier run stopped (its weights, optimizer state and epoch).
 */
public final class SessionTrainer implements Trainer {
    /** Batch size used to evaluate the validation set after each epoch. */
    public static final int VALIDATION_BATCH = 1000;

    /** Opens a backend's session for a network and its initial weights. */
    @FunctionalInterface
    public interface SessionFactory {
        TrainingSession open(ModelSpec spec, Weights initial, TrainingConfig config);
    }

    private final String backend;
    private final String backendVersion;
    private final Capabilities capabilities;
    private final SessionFactory factory;

    /**
     * @param backend the backend's name, recorded in provenance
     * @param backendVersion the backend library's version, recorded in provenance
     * @param capabilities what the backend runs; checked before the initial weights are drawn
     * @param factory opens sessions
     */
    public SessionTrainer(String backend, String backendVersion, Capabilities capabilities,
            SessionFactory factory) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.backendVersion = Objects.requireNonNull(backendVersion, "backendVersion");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public TrainingResult fit(TrainingJob job) {
        TrainingConfig config = job.config();
        Dataset all = job.train();
        Dataset train = all;
        Dataset validation = job.validation();
        if (config.validationSplit() > 0) {
            int cut = config.trainingImages(all.size());
            if (cut <= 0 || cut >= all.size()) {
                throw new InvalidInputException("a validation split of " + config.validationSplit() + " leaves "
                        + cut + " of " + all.size() + " images to train on; choose a split that leaves both parts");
            }
            train = all.slice(0, cut);
            if (validation == null) {
                validation = all.slice(cut, all.size());
            }
        }
        capabilities.require(job.spec(), backend);
        ResumePoint resume = job.resume();
        int done = resume == null ? 0 : resume.epoch();
        if (done >= config.epochs()) {
            throw new InvalidInputException("the model has already trained " + done + " epoch(s); ask for more than "
                    + done + " epochs to continue it");
        }
        Weights initial = resume != null ? resume.weights() : Initializers.glorotUniform(job.spec(), config.seed());
        try (TrainingSession session = factory.open(job.spec(), initial, config)) {
            Run run = new Run(job, session, train, validation, resume);
            return run.fit();
        }
    }

    /** One call of {@link #fit}: the loop's state, and the control its listeners steer it through. */
    private final class Run implements TrainingControl {
        private final TrainingJob job;
        private final TrainingConfig config;
        private final TrainingSession session;
        private final Dataset train;
        private final Dataset validation;
        private final History before;
        private final List<EpochStats> epochs = new ArrayList<>();
        private final Augmentation augmentation;
        private double learningRate;
        private boolean stopTraining;
        private String monitor;
        private int bestEpoch;

        Run(TrainingJob job, TrainingSession session, Dataset train, Dataset validation, ResumePoint resume) {
            this.job = job;
            this.config = job.config();
            this.session = session;
            this.train = train;
            this.validation = validation;
            this.before = resume == null ? History.empty() : resume.history();
            this.augmentation = config.augment() ? Augmentation.standard() : null;
            this.learningRate = config.optimizer().learningRate();
            this.monitor = before.monitor();
            this.bestEpoch = before.bestEpoch();
            if (resume != null && resume.optimizer() != null) {
                session.restoreOptimizerState(resume.optimizer());
                if (resume.optimizer().learningRate() != learningRate) {
                    setLearningRate(resume.optimizer().learningRate());
                }
            }
        }

        TrainingResult fit() {
            for (TrainingListener l : job.listeners()) {
                l.attach(this);
            }
            job.listeners().forEach(l -> l.onTrainingStart(job));
            Batch batch = new Batch(Math.min(config.batchSize(), Math.max(1, train.size())));
            StepMetrics metrics = new StepMetrics();
            boolean interrupted = false;
            int stoppedEpoch = 0;
            for (int epoch = before.epochs().size() + 1; epoch <= config.epochs(); epoch++) {
                EpochStats stats = epoch(epoch, batch, metrics);
                if (stats == null) {
                    interrupted = true;
                    break;
                }
                epochs.add(stats);
                for (TrainingListener l : job.listeners()) {
                    l.onEpochEnd(stats);
                }
                if (stopTraining && epoch < config.epochs()) {
                    stoppedEpoch = epoch;
                    break;
                }
                if (job.stop().requested() && epoch < config.epochs()) {
                    interrupted = true;
                    break;
                }
            }
            for (TrainingListener l : job.listeners()) {
                l.onFitEnd(history());
            }
            History history = history().withStopped(stoppedEpoch);
            boolean finished = !interrupted;
            OptimizerState state = exportState();
            Model model = session.toModel(Provenance.now(backend, backendVersion, config, job.train().name(),
                    dataSha256(job.train()), finalMetrics(history), finished, history.epochs().size()));
            for (TrainingListener l : job.listeners()) {
                l.onTrainingEnd(history, finished);
            }
            return new TrainingResult(model, history, finished, state);
        }

        /** Trains one epoch; null when a stop request cut it short. */
        private EpochStats epoch(int epoch, Batch batch, StepMetrics metrics) {
            BatchPlan plan = config.shuffle()
                    ? BatchPlan.shuffled(train.size(), config.batchSize(), config.seed(), epoch)
                    : BatchPlan.sequential(train.size(), config.batchSize());
            int batches = plan.batchCount();
            for (TrainingListener l : job.listeners()) {
                l.onEpochStart(epoch, config.epochs(), batches);
            }
            long start = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            for (int b = 0; b < batches; b++) {
                batch.fill(train, plan, b, augmentation, config.seed(), epoch);
                session.step(batch, new StepContext(config.seed(), epoch, b), metrics);
                if (!Double.isFinite(metrics.lossSum())) {
                    throw new TrainingDivergedException(epoch, b + 1, metrics.lossSum() / batch.count());
                }
                lossSum += metrics.lossSum();
                correct += metrics.correct();
                seen += batch.count();
                if (!job.listeners().isEmpty()) {
                    BatchProgress progress = new BatchProgress(epoch, config.epochs(), b + 1, batches,
                            lossSum / seen, (double) correct / seen, System.nanoTime() - start);
                    for (TrainingListener l : job.listeners()) {
                        l.onBatchEnd(progress);
                    }
                }
                if (job.stop().requested() && b + 1 < batches) {
                    return null;
                }
            }
            long nanos = System.nanoTime() - start;
            double valLoss = Double.NaN;
            double valAccuracy = Double.NaN;
            if (validation != null) {
                Evaluation v = Evaluator.evaluate(session, validation, VALIDATION_BATCH);
                valLoss = v.loss();
                valAccuracy = v.accuracy();
            }
            return new EpochStats(epoch, lossSum / seen, (double) correct / seen, valLoss, valAccuracy, seen, nanos,
                    learningRate);
        }

        private OptimizerState exportState() {
            try {
                return session.optimizerState();
            } catch (UnsupportedModelException e) {
                // Resuming needs it; a backend without it still trains and saves.
                return null;
            }
        }

        @Override
        public ModelSpec spec() {
            return job.spec();
        }

        @Override
        public boolean hasValidation() {
            return validation != null;
        }

        @Override
        public int epochs() {
            return config.epochs();
        }

        @Override
        public double learningRate() {
            return learningRate;
        }

        @Override
        public void setLearningRate(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new InvalidInputException("learning rate must be a positive number, got " + value);
            }
            session.setLearningRate(value);
            learningRate = value;
        }

        @Override
        public Weights weights() {
            return session.weights().copy();
        }

        @Override
        public void setWeights(Weights weights) {
            weights.checkMatches(job.spec());
            session.setWeights(weights);
        }

        @Override
        public void stopTraining() {
            stopTraining = true;
        }

        @Override
        public void recordBest(String metric, int epoch) {
            monitor = Objects.requireNonNull(metric, "metric");
            bestEpoch = epoch;
        }

        @Override
        public History history() {
            History h = before.plus(epochs);
            return monitor == null ? h : h.withBest(monitor, bestEpoch);
        }

        @Override
        public OptimizerState optimizerState() {
            return exportState();
        }

        @Override
        public Provenance provenance() {
            History h = history();
            return Provenance.now(backend, backendVersion, config, job.train().name(), dataSha256(job.train()),
                    finalMetrics(h), false, h.epochs().size());
        }
    }

    private static String dataSha256(Dataset data) {
        return data instanceof Fingerprinted f ? f.sha256() : "unknown";
    }

    private static Map<String, Double> finalMetrics(History history) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!history.epochs().isEmpty()) {
            EpochStats last = history.last();
            m.put("train_loss", last.loss());
            m.put("train_accuracy", last.accuracy());
            if (last.hasValidation()) {
                m.put("validation_loss", last.validationLoss());
                m.put("validation_accuracy", last.validationAccuracy());
            }
        }
        return m;
    }
}
