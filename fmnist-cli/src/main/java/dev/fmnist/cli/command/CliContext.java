package dev.fmnist.cli.command;

import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.cli.plugin.Plugins;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.files.DataFile;
import dev.fmnist.data.locate.DataLocation;
import dev.fmnist.data.locate.DataLocator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every command shares for one run of the CLI: the output streams, the environment, the working
 * directory, whether output is a terminal, and (created on first use, closed at the end) the plugin class
 * loader and the backend registry built from it.
 */
public final class CliContext implements AutoCloseable {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path workDir;
    private final boolean interactive;
    private Path pluginDirectory;
    private Plugins plugins;
    private BackendRegistry registry;

    /**
     * @param out standard output
     * @param err standard error
     * @param env the environment variables to honour
     * @param workDir the directory relative paths are resolved against
     * @param interactive whether {@code out} is a terminal
     */
    public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Path workDir, boolean interactive) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.workDir = workDir.toAbsolutePath();
        this.interactive = interactive;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    /** Whether standard output is a terminal (progress bars, colours). */
    public boolean interactive() {
        return interactive;
    }

    /** A path as the user meant it: relative paths are relative to the working directory. */
    public Path resolve(Path path) {
        return workDir.resolve(path).normalize();
    }

    /** Sets the {@code --plugins} directory; must happen before the registry is first used. */
    void pluginDirectory(Path dir) {
        if (plugins != null) {
            throw new IllegalStateException("plugins already loaded");
        }
        this.pluginDirectory = dir == null ? null : resolve(dir);
    }

    /** The plugins, loaded on first use. */
    public Plugins plugins() {
        if (plugins == null) {
            plugins = Plugins.load(pluginDirectory, env, Plugins.home().orElse(null),
                    CliContext.class.getClassLoader());
            for (String problem : plugins.problems()) {
                err.println("fmnist: warning: " + problem);
            }
        }
        return plugins;
    }

    /** The backends on the class path and in plugins, found on first use; problems are warned about once. */
    public BackendRegistry registry() {
        if (registry == null) {
            registry = BackendRegistry.load(plugins().loader());
            for (String problem : registry.loadProblems()) {
                err.println("fmnist: warning: a backend could not be loaded: " + problem);
            }
        }
        return registry;
    }

    /** The backend used when none is named: the registry's default, reading this run's environment. */
    public String defaultBackend() {
        return registry().defaultName(env);
    }

    /** The data locator for this environment, honouring {@code --data} if given. */
    public DataLocator locator(Path explicitData) {
        return new DataLocator(explicitData == null ? null : resolve(explicitData), env,
                Path.of(System.getProperty("user.home")), Path.of(DataLocator.DEBIAN));
    }

    /** The four data files that {@link #loadData} would read (found, not read), to keep outputs off them. */
    public List<Path> dataFiles(Path explicitData) {
        Path dir = locator(explicitData).locate().directory();
        return DataFile.ALL.stream().map(f -> DataLocation.resolve(dir, f)).toList();
    }

    /** Finds and loads Fashion-MNIST. @throws dev.fmnist.api.error.DataUnavailableException saying how to get it */
    public FashionMnist loadData(Path explicitData) {
        DataLocation location = locator(explicitData).locate();
        return FashionMnist.load(location.directory());
    }

    @Override
    public void close() {
        try {
            if (registry != null) {
                registry.close();
            }
        } finally {
            if (plugins != null) {
                plugins.close();
            }
        }
    }
}
