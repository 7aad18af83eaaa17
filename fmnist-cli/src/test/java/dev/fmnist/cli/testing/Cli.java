package dev.fmnist.cli.testing;

import dev.fmnist.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in this JVM with captured output, a chosen environment and working directory. */
public final class Cli {
    private final Map<String, String> env;
    private final Path workDir;

    private Cli(Map<String, String> env, Path workDir) {
        this.env = env;
        this.workDir = workDir;
    }

    /** A CLI in {@code workDir} with an empty environment (no FMNIST_* variables leak in). */
    public static Cli in(Path workDir) {
        return new Cli(Map.of(), workDir);
    }

    /** The same CLI with one more environment variable. */
    public Cli withEnv(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return new Cli(Map.copyOf(more), workDir);
    }

    /** Runs {@code fmnist args...}. */
    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e, env, workDir, false);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * What a run printed and returned.
     *
     * @param code the exit code
     * @param out standard output
     * @param err standard error
     */
    public record Result(int code, String out, String err) {
        /** The error output's lines. */
        public java.util.List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
