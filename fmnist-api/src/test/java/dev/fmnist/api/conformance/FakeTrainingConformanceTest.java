package dev.fmnist.api.conformance;

import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.testing.FakeBackendProvider;

/** The training kit against the reference backend itself: its resume is exact. */
class FakeTrainingConformanceTest extends TrainingConformanceKit {
    @Override
    protected BackendProvider provider() {
        return new FakeBackendProvider();
    }

    @Override
    protected double tolerance() {
        return 0;
    }
}
