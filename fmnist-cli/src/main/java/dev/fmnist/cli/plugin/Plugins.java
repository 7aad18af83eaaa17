package dev.fmnist.cli.plugin;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.StorageException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds plugin jars and loads them into one shared {@link URLClassLoader} whose parent is the
 * application class loader. Directories are searched in this order and all of them are used:
 * {@code --plugins DIR}, the directories in {@value #ENV} (separated by {@link File#pathSeparator}), and
 * {@code <fmnist home>/plugins} when it exists. A directory named explicitly must exist.
 */
public final class Plugins implements AutoCloseable {
    /** Environment variable listing plugin directories. */
    public static final String ENV = "FMNIST_PLUGINS";
    /** System property the launcher sets to the installation directory. */
    public static final String HOME_PROPERTY = "fmnist.home";

    private final List<Path> directories;
    private final List<Path> jars;
    private final ClassLoader loader;
    private final URLClassLoader owned;
    private final List<String> problems;

    private Plugins(List<Path> directories, List<Path> jars, List<String> problems, ClassLoader parent) {
        this.problems = List.copyOf(problems);
        this.directories = List.copyOf(directories);
        this.jars = List.copyOf(jars);
        if (jars.isEmpty()) {
            this.owned = null;
            this.loader = parent;
        } else {
            URL[] urls = jars.stream().map(Plugins::url).toArray(URL[]::new);
            this.owned = new URLClassLoader("fmnist-plugins", urls, parent);
            this.loader = owned;
        }
    }

    /**
     * Loads the plugins of the given sources.
     *
     * @param explicit the {@code --plugins} directory, or null
     * @param env the environment (for {@value #ENV})
     * @param home the installation directory, or null when unknown
     * @param parent the parent class loader (the application's)
     * @throws InvalidInputException if a named directory does not exist
     */
    public static Plugins load(Path explicit, Map<String, String> env, Path home, ClassLoader parent) {
        Set<Path> dirs = new LinkedHashSet<>();
        if (explicit != null) {
            dirs.add(requireDirectory(explicit, "--plugins"));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            for (String part : fromEnv.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    dirs.add(requireDirectory(Path.of(part.strip()), ENV));
                }
            }
        }
        if (home != null && Files.isDirectory(home.resolve("plugins"))) {
            dirs.add(home.resolve("plugins").toAbsolutePath().normalize());
        }
        List<Path> jars = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path jar : jarsIn(dir)) {
                String problem = checkJar(jar);
                if (problem == null) {
                    jars.add(jar);
                } else {
                    problems.add(problem);
                }
            }
        }
        return new Plugins(new ArrayList<>(dirs), jars, problems, parent);
    }

    /** Why {@code jar} cannot be a plugin (random bytes, empty, truncated), or null if it can. */
    private static String checkJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().forEach(entry -> { }); // reads the whole central directory
            return null;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "plugin " + jar + " is not a valid jar (" + why.replaceAll("[\\r\\n]+", " ") + "); ignored";
        }
    }

    /**
     * The installation directory: the {@value #HOME_PROPERTY} system property, else the parent of the
     * directory holding the CLI's jar (for {@code .../fmnist-cli/target/fmnist-cli.jar} that is
     * {@code .../fmnist-cli}), else empty.
     */
    public static Optional<Path> home() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        try {
            CodeSource source = Plugins.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            Path dir = location.getParent();
            return Optional.ofNullable(dir == null ? null : dir.getParent());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Path requireDirectory(Path dir, String source) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("plugin directory " + dir + " (from " + source + ") does not exist");
        }
        return dir.toAbsolutePath().normalize();
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new StorageException("cannot list plugin directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class loader that sees the application's classes and every plugin jar. */
    /** One line for each jar that was left out, saying why. */
    public List<String> problems() {
        return problems;
    }

    public ClassLoader loader() {
        return loader;
    }

    /** The plugin directories searched. */
    public List<Path> directories() {
        return directories;
    }

    /** The plugin jars loaded. */
    public List<Path> jars() {
        return jars;
    }

    /** The plugin jar a class was loaded from, or empty if it is built in (on the class path). */
    public Optional<Path> jarOf(Class<?> type) {
        if (owned == null || type.getClassLoader() != owned) {
            return Optional.empty();
        }
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
