package dev.fmnist.cli.testplugin;

import dev.fmnist.api.spi.Availability;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;

/** A backend that says it cannot run here, for the CLI's error paths; creating it is a test failure. */
public final class UnavailableBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "unavailable";
    }

    @Override
    public String description() {
        return "a backend that cannot run anywhere (test)";
    }

    @Override
    public String version() {
        return "0";
    }

    @Override
    public boolean usesNativeCode() {
        return true;
    }

    @Override
    public Availability availability() {
        return Availability.no("needs a GPU this machine lacks");
    }

    @Override
    public Backend create() {
        throw new AssertionError("the CLI must not create a backend that is not available");
    }
}
