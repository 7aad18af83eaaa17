package dev.fmnist.api.conformance;

import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import java.nio.file.Path;

/**
 * Writes the reference model resources with a backend found on the class path:
 * {@code java ... RegenerateReferenceModel <provider-class> <dir>}. The reference backend is {@code pure}.
 */
public final class RegenerateReferenceModel {
    private RegenerateReferenceModel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RegenerateReferenceModel <provider-class> <resource-dir>");
            System.exit(2);
        }
        BackendProvider provider = (BackendProvider) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        try (Backend backend = provider.create()) {
            ReferenceModel.regenerate(backend, Path.of(args[1]));
        }
    }
}
