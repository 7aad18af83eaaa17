package dev.fmnist.spark.sweep;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.spark.runtime.ExecutorModels;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;

/**
 * Trains one sweep point on an executor and measures it: validation metrics on the held-out part of
 * the training images, test metrics on the test set, the training time, and where the model went. A
 * point that fails (its backend cannot run the network, training diverges) becomes a row with the
 * reason in {@code error}, so one bad point does not lose the others.
 */
final class SweepTask implements Function<SweepPoint, Row> {
    private static final long serialVersionUID = 1L;
    private static final int EVAL_BATCH = 1000;

    private final SweepSettings settings;

    SweepTask(SweepSettings settings) {
        this.settings = settings;
    }

    @Override
    public Row call(SweepPoint point) {
        try {
            return train(point);
        } catch (FmnistException e) {
            return SweepResults.failed(point, e.getMessage());
        } catch (IOException e) {
            return SweepResults.failed(point, "cannot write the model: " + e.getMessage());
        }
    }

    private Row train(SweepPoint point) throws IOException {
        FashionMnist data = settings.dataDirectory() == null ? FashionMnist.locate()
                : FashionMnist.load(Path.of(settings.dataDirectory()));
        Dataset all = data.train();
        if (settings.trainLimit() > 0 && settings.trainLimit() < all.size()) {
            all = all.slice(0, settings.trainLimit());
        }
        int held = (int) Math.round(all.size() * settings.validationFraction());
        Dataset train = all.slice(0, all.size() - held);
        Dataset validation = held > 0 ? all.slice(all.size() - held, all.size()) : null;
        TrainingConfig config = TrainingConfig.defaults().withEpochs(point.epochs()).withBatchSize(point.batchSize())
                .withLearningRate(point.learningRate()).withSeed(point.seed()).withThreads(settings.threads());
        TrainingJob job = TrainingJob.of(SweepGrid.spec(point), train, config);
        long start = System.nanoTime();
        TrainingResult result = ExecutorModels.registry().backend(point.backend()).trainer().fit(job);
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Model model = result.model()) {
            Evaluation val = validation == null ? null : Evaluator.evaluate(model, validation, EVAL_BATCH);
            Evaluation test = Evaluator.evaluate(model, data.test(), EVAL_BATCH);
            String path = settings.modelDirectory() == null ? null
                    : save(SavedModel.of(model, result.history()), point.id());
            return SweepResults.of(point, val, test, seconds, path);
        }
    }

    /** Writes the model under the model directory (temporary name, then a rename) and returns its URI. */
    private String save(SavedModel model, String id) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(settings.modelDirectory());
        FileSystem fs = dir.getFileSystem(new Configuration());
        fs.mkdirs(dir);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, id + ModelFile.EXTENSION);
        org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(dir, "." + id + ModelFile.EXTENSION + ".tmp");
        try (OutputStream out = fs.create(temp, true)) {
            out.write(ModelFile.encode(model));
        }
        fs.delete(target, false);
        if (!fs.rename(temp, target)) {
            fs.delete(temp, false);
            throw new IOException("cannot move " + temp + " to " + target);
        }
        return fs.makeQualified(target).toString();
    }
}
