package dev.fmnist.data.locate;

import dev.fmnist.api.error.DataUnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the Fashion-MNIST files. In order: the directory given explicitly ({@code --data DIR}), the
 * environment variable {@value #ENV}, {@code ~/.fmnist/data} (where downloads go), and
 * {@value #DEBIAN} (Debian's {@code dataset-fashion-mnist} package). An explicitly named directory
 * must hold the files; the others are tried in turn.
 */
public final class DataLocator {
    /** Environment variable naming the data directory. */
    public static final String ENV = "FMNIST_DATA";
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final String DEBIAN = "/usr/share/datasets/fashion-mnist";
    /** The one-line advice given when the data cannot be found. */
    public static final String HOW_TO_GET = "install it with 'sudo apt-get install -y dataset-fashion-mnist', "
            + "run 'fmnist data fetch' to download it into ~/.fmnist/data, or put the four *-ubyte.gz files "
            + "in a directory and pass --data DIR";

    /** One place to look. */
    public record Candidate(Path directory, String source) {
    }

    private final Path explicit;
    private final Map<String, String> env;
    private final Path home;
    private final Path debian;

    /**
     * @param explicit the directory named by the user, or null
     * @param env the process environment (a map, so tests can supply their own)
     * @param home the user's home directory
     * @param debian the Debian package's directory
     */
    public DataLocator(Path explicit, Map<String, String> env, Path home, Path debian) {
        this.explicit = explicit;
        this.env = Map.copyOf(env);
        this.home = Objects.requireNonNull(home, "home");
        this.debian = Objects.requireNonNull(debian, "debian");
    }

    /** The locator for this process: its environment, home directory and the Debian path. */
    public static DataLocator standard() {
        return new DataLocator(null, System.getenv(), Path.of(System.getProperty("user.home")), Path.of(DEBIAN));
    }

    /** The same locator with a directory named by the user ({@code --data}); null keeps the search. */
    public DataLocator withExplicit(Path directory) {
        return new DataLocator(directory, env, home, debian);
    }

    /** The places searched, in order. */
    public List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        if (explicit != null) {
            out.add(new Candidate(explicit, "--data"));
            return out;
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            out.add(new Candidate(Path.of(fromEnv), ENV));
        }
        out.add(new Candidate(userDirectory(), "~/.fmnist/data"));
        out.add(new Candidate(debian, "Debian package dataset-fashion-mnist"));
        return out;
    }

    /** Where downloads go: the explicit directory, else {@value #ENV}, else {@code ~/.fmnist/data}. */
    public Path downloadDirectory() {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get(ENV);
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : userDirectory();
    }

    private Path userDirectory() {
        return home.resolve(".fmnist").resolve("data");
    }

    /** The first candidate holding all four files, if any. */
    public Optional<DataLocation> find() {
        for (Candidate c : candidates()) {
            if (DataLocation.isComplete(c.directory())) {
                return Optional.of(new DataLocation(c.directory(), c.source()));
            }
        }
        return Optional.empty();
    }

    /**
     * The data's location.
     *
     * @throws DataUnavailableException naming where it looked and what to do
     */
    public DataLocation locate() {
        if (explicit != null) {
            DataLocation.requireComplete(explicit);
            return new DataLocation(explicit, "--data");
        }
        return find().orElseThrow(() -> new DataUnavailableException("Fashion-MNIST not found (looked in "
                + String.join(", ", candidates().stream().map(c -> c.directory().toString()).toList()) + "); "
                + HOW_TO_GET));
    }
}
