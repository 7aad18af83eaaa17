package dev.fmnist.cli.testing;

import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.cli.testplugin.TinyBackendProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds, at test time, a plugin jar holding the "tiny" backend (test sources only) with its
 * ServiceLoader registration, plus the API test-jar's scalar fake backend it delegates to.
 */
public final class PluginJar {
    private PluginJar() {
    }

    /** Writes the plugin jar to {@code jar}. */
    public static Path write(Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                Path classes = location(TinyBackendProvider.class);
                Path pkg = classes.resolve("dev/fmnist/cli/testplugin");
                try (Stream<Path> files = Files.list(pkg)) {
                    for (Path f : files.sorted().toList()) {
                        add(out, "dev/fmnist/cli/testplugin/" + f.getFileName(), Files.readAllBytes(f));
                    }
                }
                try (JarFile tests = new JarFile(location(FakeBackendProvider.class).toFile())) {
                    for (JarEntry e : tests.stream().toList()) {
                        String name = e.getName();
                        if (name.startsWith("dev/fmnist/api/testing/FakeBackendProvider")
                                || name.startsWith("dev/fmnist/api/testing/ScalarNetwork")
                                || name.startsWith("dev/fmnist/api/testing/ReferenceOptimizer")) {
                            try (InputStream in = tests.getInputStream(e)) {
                                add(out, name, in.readAllBytes());
                            }
                        }
                    }
                }
                add(out, "META-INF/services/" + BackendProvider.class.getName(),
                        (TinyBackendProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(OutputStream out, String name, byte[] content) throws IOException {
        JarOutputStream jar = (JarOutputStream) out;
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
