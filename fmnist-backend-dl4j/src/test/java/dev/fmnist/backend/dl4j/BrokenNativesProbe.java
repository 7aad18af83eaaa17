package dev.fmnist.backend.dl4j;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.TrainingJob;
import java.util.List;

/**
 * Run by {@link BrokenNativesTest} in a child JVM whose JavaCPP looks for another platform's libraries:
 * prints what a user would see, one line per attempt, then shows that another backend still trains.
 */
public final class BrokenNativesProbe {
    private BrokenNativesProbe() {
    }

    public static void main(String[] args) {
        List<BackendProvider> providers = List.of(new Dl4jBackendProvider(), new FakeBackendProvider());
        try (BackendRegistry registry = new BackendRegistry(providers)) {
            System.out.println("listed " + registry.names());
            for (int attempt = 1; attempt <= 2; attempt++) {
                try {
                    registry.backend(Dl4jBackendProvider.NAME);
                    System.out.println("attempt " + attempt + ": started");
                } catch (BackendUnavailableException e) {
                    System.out.println("attempt " + attempt + ": " + e.getMessage());
                }
            }
            System.out.println("availability afterwards: " + new Dl4jBackendProvider().availability());
            var result = registry.backend(FakeBackendProvider.NAME).trainer().fit(TrainingJob.of(ModelSpec.mlp(),
                    SyntheticData.train().slice(0, 64), TrainingConfig.defaults().withEpochs(1)));
            System.out.println("fake backend trained " + result.history().last().samples() + " images");
        }
    }
}
