package dev.fmnist.backend.tf;

import dev.fmnist.api.conformance.BackendConformanceKit;
import dev.fmnist.api.spi.BackendProvider;

/** The TensorFlow backend against the API's conformance kit (deterministic: one thread per pool). */
class TfConformanceTest extends BackendConformanceKit {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
