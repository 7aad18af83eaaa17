package dev.fmnist.serve.testing;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.serve.FmnistServer;
import dev.fmnist.serve.ServeSettings;
import dev.fmnist.serve.ServedModel;
import dev.fmnist.serve.TestSamples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A real model for server tests: the pure backend (found through the SPI registry, as the CLI finds it)
 * trained for two epochs on the synthetic data, with its test accuracy in its provenance.
 */
public final class TestServers {
    private static Model model;

    /** What the servers write about failed requests. */
    public static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    private TestServers() {
    }

    /** The shared trained model (trained on first use). */
    public static synchronized Model model() {
        if (model == null) {
            BackendRegistry registry = BackendRegistry.load();
            Model trained = registry.backend("pure").trainer().fit(TrainingJob.of(ModelSpec.mlp(), SyntheticData.train(),
                    TrainingConfig.defaults().withEpochs(2))).model();
            double accuracy = Evaluator.evaluate(trained, SyntheticData.test(), 500).accuracy();
            model = trained.withProvenance(trained.provenance().withMetrics(Map.of("test_accuracy", accuracy)));
            trained.close();
        }
        return model;
    }

    /** The served form of the shared model. */
    public static ServedModel served() {
        Model m = model();
        return new ServedModel("synthetic.fmnist", m.spec(), m.provenance(), "pure", m);
    }

    /** A server on a free loopback port with the given settings' other values. */
    public static FmnistServer start(ServeSettings settings) {
        return FmnistServer.start(served(), TestSamples.firstOfEachClass(SyntheticData.test()),
                settings.withAddress("127.0.0.1", 0), new PrintStream(LOG, true, StandardCharsets.UTF_8));
    }
}
