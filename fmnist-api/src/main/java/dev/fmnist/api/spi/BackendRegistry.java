package dev.fmnist.api.spi;

import dev.fmnist.api.error.BackendUnavailableException;
import dev.fmnist.api.error.UnknownBackendException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The backends found on the class path (or in plugin jars), by name. Providers are listed without
 * creating backends; a backend is created on first {@link #backend(String)} and kept until
 * {@link #close()}.
 *
 * <p>The default backend is the one named by the system property {@value #PROPERTY}, else the
 * environment variable {@value #ENV}, else {@code pure} if present, else the highest-ranked.
 *
 * <p><b>Threads and ownership.</b> Thread-safe: lookups and {@link #backend(String)} may be called from
 * any thread, and each backend is created once. The registry owns the backends it creates and closes
 * them in {@link #close()}; models loaded on them belong to their callers and must be closed first.
 * Embedding applications keep one registry for the life of the application (or use
 * {@code dev.fmnist.guice.FmnistModule}, which binds one).
 */
public final class BackendRegistry implements AutoCloseable {
    /** System property naming the default backend. */
    public static final String PROPERTY = "fmnist.backend";
    /** Environment variable naming the default backend. */
    public static final String ENV = "FMNIST_BACKEND";
    /** The backend used when nothing else is named. */
    public static final String PREFERRED = "pure";

    private final Map<String, BackendProvider> providers = new LinkedHashMap<>();
    private final List<String> loadProblems = new ArrayList<>();
    private final Map<String, Backend> created = new LinkedHashMap<>();

    /** A registry of the given providers (the first of a name wins). */
    public BackendRegistry(Iterable<? extends BackendProvider> found) {
        for (BackendProvider p : found) {
            String name = nameOf(p);
            if (name == null) {
                continue;
            }
            BackendProvider taken = providers.get(name);
            if (taken != null) {
                loadProblems.add("provider " + p.getClass().getName() + " claims the name '" + name + "' of "
                        + ((GuardedProvider) taken).implementation().getName() + "; ignored");
                continue;
            }
            providers.put(name, new GuardedProvider(p, name));
        }
    }

    /** The provider's name, or null (with a problem noted) when it has none that can be used. */
    private String nameOf(BackendProvider p) {
        String why;
        try {
            String name = p.name();
            if (name != null && !name.isBlank() && name.strip().equals(name)
                    && name.chars().noneMatch(Character::isISOControl)) {
                return name;
            }
            why = name == null ? "null" : "'" + name.replaceAll("\\p{Cntrl}", "?") + "'";
        } catch (RuntimeException | LinkageError e) {
            why = GuardedProvider.describe(e);
        }
        loadProblems.add("provider " + p.getClass().getName() + " has no usable name (" + why + "); ignored");
        return null;
    }

    /**
     * The class that implements the named backend's provider (for telling plugins from built-ins).
     *
     * @throws UnknownBackendException if there is no such backend
     */
    public Class<?> implementation(String name) {
        return ((GuardedProvider) provider(name)).implementation();
    }

    /** The providers visible to this class's class loader. */
    public static BackendRegistry load() {
        return load(BackendRegistry.class.getClassLoader());
    }

    /**
     * The providers visible to {@code loader}. A provider that fails to load is skipped and noted in
     * {@link #loadProblems()}, so one broken plugin does not hide the others.
     */
    public static BackendRegistry load(ClassLoader loader) {
        List<BackendProvider> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        var iterator = ServiceLoader.load(BackendProvider.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(e.getMessage());
            }
        }
        BackendRegistry registry = new BackendRegistry(found);
        registry.loadProblems.addAll(0, problems);
        registry.sortByName();
        return registry;
    }

    private void sortByName() {
        Map<String, BackendProvider> sorted = new java.util.TreeMap<>(providers);
        providers.clear();
        providers.putAll(sorted);
    }

    /** All providers, by name. */
    public List<BackendProvider> providers() {
        return List.copyOf(providers.values());
    }

    /** The names of all providers. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /** Providers that could not be loaded, as messages. */
    public List<String> loadProblems() {
        return List.copyOf(loadProblems);
    }

    /** The provider of a name. @throws UnknownBackendException naming the known backends */
    public BackendProvider provider(String name) {
        BackendProvider p = providers.get(name);
        if (p == null) {
            throw new UnknownBackendException("unknown backend '" + name + "'; known backends: "
                    + (providers.isEmpty() ? "none (is a backend jar on the class path?)"
                            : String.join(", ", providers.keySet())));
        }
        return p;
    }

    /** Looks up a provider without failing. */
    public Optional<BackendProvider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /** The default backend's name (see the class description). */
    public String defaultName() {
        return defaultName(System.getenv());
    }

    /** The default backend's name, reading {@value #ENV} from {@code env} instead of this process's environment. */
    public String defaultName(Map<String, String> env) {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) {
            named = env.get(ENV);
        }
        if (named != null && !named.isBlank()) {
            return named.trim();
        }
        if (providers.containsKey(PREFERRED)) {
            return PREFERRED;
        }
        return providers.values().stream().max(Comparator.comparingInt(BackendProvider::rank))
                .map(BackendProvider::name)
                .orElseThrow(() -> new UnknownBackendException("no backend found on the class path"));
    }

    /** The default backend, created if needed. */
    public Backend defaultBackend() {
        return backend(defaultName());
    }

    /**
     * The backend of a name, created on first use.
     *
     * @throws UnknownBackendException if no provider has that name
     * @throws BackendUnavailableException if it cannot run here, with the reason
     */
    public synchronized Backend backend(String name) {
        Backend existing = created.get(name);
        if (existing != null) {
            return existing;
        }
        BackendProvider p = provider(name);
        Availability availability = p.availability();
        if (!availability.available()) {
            throw new BackendUnavailableException("backend '" + name + "' cannot run here: " + availability.reason());
        }
        Backend backend = p.create(); // guarded: failures become BackendUnavailableException
        created.put(name, backend);
        return backend;
    }

    /** Closes every backend this registry created. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Backend b : created.values()) {
            try {
                b.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        created.clear();
        if (first != null) {
            throw first;
        }
    }
}
