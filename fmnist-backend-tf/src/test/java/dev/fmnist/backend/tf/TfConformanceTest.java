package dev.fmnist.backend.tf;

import dev.fmnist.api.conformance.BackendConformanceKit;
import dev.fmnist.api.spi.BackendProvider;

/** The TensorFlow backend against the API's conformance kit, including its determinism check. */
class TfConformanceTest extends BackendConformanceKit {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
