package dev.fmnist.spark.runtime;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidInputException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * What every fmnist Spark job's {@code main} shares: argument parsing, one-line errors with exit codes
 * (2 for usage, 1 for failures; {@code FMNIST_VERBOSE=1} adds the stack trace) and the Spark session.
 */
public final class JobRunner {
    private JobRunner() {
    }

    /** Runs {@code job} with {@code args}, returning the process exit code. */
    public static int run(String name, Callable<Integer> job, String[] args) {
        CommandLine cli = new CommandLine(job).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if ("1".equals(System.getenv("FMNIST_VERBOSE"))) {
                e.printStackTrace();
            }
            System.err.println(name + ": " + describe(e));
            return 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println(name + ": " + e.getMessage() + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }

    /** The message of fmnist's own error when a task failed with one, else the first line of {@code e}'s. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FmnistException) {
                return t.getMessage();
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * A Spark session: the one {@code spark-submit} configured, or a new one on {@code master}.
     *
     * @param master such as {@code local[2]}, or null to take spark-submit's
     */
    public static SparkSession session(String appName, String master) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (master != null) {
            // A run in this JVM (the local scripts, tests): no web UI; a cluster keeps its own settings.
            builder.master(master).config("spark.ui.enabled", "false");
        }
        return builder.getOrCreate();
    }

    /** Refuses a local output path that already exists, before any work is done. */
    public static void refuseExistingOutput(String output) {
        URI uri = URI.create(output.replace(" ", "%20"));
        if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
            Path path = uri.getScheme() == null ? Path.of(output) : Path.of(uri);
            if (Files.exists(path)) {
                throw new InvalidInputException("output " + output + " already exists; choose a new directory");
            }
        }
    }
}
