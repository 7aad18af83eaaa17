package dev.fmnist.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this fmnist build. */
public final class Fmnist {
    /** The fmnist version, as built by Maven (for example {@code 0.1.0-SNAPSHOT}). */
    public static final String VERSION = readVersion();

    private Fmnist() {
    }

    private static String readVersion() {
        try (InputStream in = Fmnist.class.getResourceAsStream("fmnist.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
