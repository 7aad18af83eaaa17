package dev.fmnist.api.conformance;

import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.testing.FakeBackendProvider;

/** Runs the conformance kit against the scalar fake backend, keeping the kit itself honest. */
class FakeBackendConformanceTest extends BackendConformanceKit {
    @Override
    protected BackendProvider provider() {
        return new FakeBackendProvider();
    }
}
