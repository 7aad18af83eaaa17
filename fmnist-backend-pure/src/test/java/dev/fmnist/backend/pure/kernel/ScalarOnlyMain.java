package dev.fmnist.backend.pure.kernel;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.backend.pure.PureBackend;
import dev.fmnist.backend.pure.PureBackendProvider;

/** Run by {@link ScalarFallbackTest} in a JVM without the Vector API module. */
public final class ScalarOnlyMain {
    private ScalarOnlyMain() {
    }

    public static void main(String[] args) {
        try (Backend backend = new PureBackendProvider().create()) {
            System.out.println("kernels=" + ((PureBackend) backend).kernels());
            var result = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), SyntheticData.train(),
                    TrainingConfig.defaults().withEpochs(2)));
            try (Model model = result.model()) {
                double accuracy = Evaluator.evaluate(model, SyntheticData.test(), 100).accuracy();
                System.out.println(accuracy >= 0.9 ? "accuracy-ok" : "accuracy-low " + accuracy);
            }
        }
    }
}
