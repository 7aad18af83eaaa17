package dev.fmnist.backend.pure;

import dev.fmnist.api.conformance.BackendConformanceKit;
import dev.fmnist.api.spi.BackendProvider;

/** The pure backend against the API's conformance kit. */
class PureBackendConformanceTest extends BackendConformanceKit {
    @Override
    protected BackendProvider provider() {
        return new PureBackendProvider();
    }
}
