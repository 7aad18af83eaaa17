package dev.fmnist.cli.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code dev.fmnist.cli.Main} in a child JVM whose class path is the CLI's main classes plus its
 * run-time dependencies only (from {@code target/runtime-classpath.txt}, written by the build): no test
 * classes and no test-jars, so a plugin's classes can come only from its jar.
 */
public final class ChildCli {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final int SIGINT = 2;

    private final Path workDir;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    /**
     * @param workDir the child's working directory
     * @param home the child's {@code fmnist.home} (its {@code plugins/} folder is searched)
     */
    public ChildCli(Path workDir, Path home) {
        this.workDir = workDir;
        this.home = home;
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("FMNIST_")) {
                env.put(k, v);
            }
        });
    }

    /** Sets an environment variable of the child. */
    public ChildCli withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The class path: the CLI's classes and its run-time dependencies. */
    public static String classPath() {
        try {
            String deps = Files.readString(TARGET.resolve("runtime-classpath.txt"), StandardCharsets.UTF_8).strip();
            return TARGET.resolve("classes") + java.io.File.pathSeparator + deps;
        } catch (IOException e) {
            throw new UncheckedIOException("run the tests through Maven, which writes target/runtime-classpath.txt", e);
        }
    }

    /** Starts {@code fmnist args...}, with stdout and stderr going to files in the working directory. */
    public Process start(Path stdout, Path stderr, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-Xmx1g",
                "-Dfmnist.home=" + home, "-cp", classPath(), "dev.fmnist.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code fmnist args...} to the end (at most two minutes). */
    public Cli.Result run(String... args) {
        Path out = workDir.resolve("child-" + System.nanoTime() + ".out");
        Path err = workDir.resolve("child-" + System.nanoTime() + ".err");
        Process p = start(out, err, args);
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("fmnist " + String.join(" ", args) + " did not finish in 2 minutes");
            }
            Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), withoutJvmNotes(Files.readString(err)));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drops the JVM's own warning about the incubator module. */
    public static String withoutJvmNotes(String err) {
        return err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                .map(l -> l + System.lineSeparator()).reduce("", String::concat);
    }

    /**
     * Skips the calling test when SIGINT cannot reach a child: this JVM was started with it ignored, which a
     * child inherits and cannot undo (a shell without job control starts background jobs so), so a child
     * JVM installs no handler for it and a test's Ctrl-C would never arrive.
     */
    public static void assumeInterruptReachesChildren() {
        Assumptions.assumeFalse(signalIgnored(SIGINT), "SIGINT is ignored in this process tree (started in the "
                + "background without job control), so a child JVM cannot receive it");
    }

    /** Whether signal {@code number} is ignored in this JVM (Linux's {@code SigIgn} mask); false where it cannot be read. */
    private static boolean signalIgnored(int number) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                    return (mask >>> (number - 1) & 1L) != 0;
                }
            }
            return false;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
