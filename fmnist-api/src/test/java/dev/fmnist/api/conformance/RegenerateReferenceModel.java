package dev.fmnist.api.conformance;

import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import java.nio.file.Path;

/**
 * Writes the reference model resources with a backend found on the class path:
 * {@code java ... RegenerateReferenceModel <provider-class> <dir> [cnn]} ({@code cnn}: the reference CNN only). The reference backend is {@code pure}.
 */
public final class RegenerateReferenceModel {
    private RegenerateReferenceModel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3 || args.length == 3 && !args[2].equals("cnn")) {
            System.err.println("usage: RegenerateReferenceModel <provider-class> <resource-dir> [cnn]");
            System.exit(2);
        }
        BackendProvider provider = (BackendProvider) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        try (Backend backend = provider.create()) {
            if (args.length == 3) {
                ReferenceModel.regenerateCnn(backend, Path.of(args[1]));
            } else {
                ReferenceModel.regenerate(backend, Path.of(args[1]));
            }
        }
    }
}
