package dev.fmnist.api.training;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Batch;
import dev.fmnist.api.data.BatchPlan;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Fingerprinted;
import dev.fmnist.api.error.TrainingDivergedException;
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
 * same batches in the same order, so their results are comparable.
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
        Dataset train = job.train();
        capabilities.require(job.spec(), backend);
        Weights initial = Initializers.glorotUniform(job.spec(), config.seed());
        List<EpochStats> epochs = new ArrayList<>();
        boolean complete = true;
        try (TrainingSession session = factory.open(job.spec(), initial, config)) {
            job.listeners().forEach(l -> l.onTrainingStart(job));
            Batch batch = new Batch(Math.min(config.batchSize(), Math.max(1, train.size())));
            StepMetrics metrics = new StepMetrics();
            for (int epoch = 1; epoch <= config.epochs() && complete; epoch++) {
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
                    batch.fill(train, plan, b);
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
                        complete = false;
                        break;
                    }
                }
                long nanos = System.nanoTime() - start;
                if (!complete) {
                    break;
                }
                double valLoss = Double.NaN;
                double valAccuracy = Double.NaN;
                if (job.validation() != null) {
                    Evaluation v = Evaluator.evaluate(session, job.validation(), VALIDATION_BATCH);
                    valLoss = v.loss();
                    valAccuracy = v.accuracy();
                }
                EpochStats stats = new EpochStats(epoch, lossSum / seen, (double) correct / seen, valLoss,
                        valAccuracy, seen, nanos);
                epochs.add(stats);
                for (TrainingListener l : job.listeners()) {
                    l.onEpochEnd(stats);
                }
                if (job.stop().requested() && epoch < config.epochs()) {
                    complete = false;
                }
            }
            History history = new History(epochs);
            boolean finished = epochs.size() == config.epochs();
            Model model = session.toModel(Provenance.now(backend, backendVersion, config, train.name(),
                    dataSha256(train), finalMetrics(history), finished, epochs.size()));
            for (TrainingListener l : job.listeners()) {
                l.onTrainingEnd(history, finished);
            }
            return new TrainingResult(model, history, finished);
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
