package dev.fmnist.backend.tf;

import dev.fmnist.api.conformance.TrainingConformanceKit;
import dev.fmnist.api.spi.BackendProvider;

class TfTrainingConformanceTest extends TrainingConformanceKit {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
