package dev.fmnist.backend.dl4j;

import dev.fmnist.api.conformance.BackendConformanceKit;
import dev.fmnist.api.spi.BackendProvider;

/** The API's conformance kit, run against the DL4J backend (deterministic: one native thread). */
class Dl4jConformanceTest extends BackendConformanceKit {
    @Override
    protected BackendProvider provider() {
        return new Dl4jBackendProvider();
    }
}
