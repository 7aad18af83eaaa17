package dev.fmnist.backend.dl4j;

import dev.fmnist.api.conformance.TrainingConformanceKit;
import dev.fmnist.api.spi.BackendProvider;

class Dl4jTrainingConformanceTest extends TrainingConformanceKit {
    @Override
    protected BackendProvider provider() {
        return new Dl4jBackendProvider();
    }
}
