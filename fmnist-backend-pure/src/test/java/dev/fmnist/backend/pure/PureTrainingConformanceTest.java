package dev.fmnist.backend.pure;

import dev.fmnist.api.conformance.TrainingConformanceKit;
import dev.fmnist.api.spi.BackendProvider;

class PureTrainingConformanceTest extends TrainingConformanceKit {
    @Override
    protected BackendProvider provider() {
        return new PureBackendProvider();
    }
}
