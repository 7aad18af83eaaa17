package dev.fmnist.cli;

import dev.fmnist.cli.command.CliContext;
import dev.fmnist.cli.command.FmnistCommand;
import dev.fmnist.cli.error.ErrorReporter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of {@code fmnist}. {@link #run} does the work and returns the exit code (0 success, 1 failure,
 * 2 usage error, 130 training stopped by Ctrl-C and saved), so tests can call it in-process; {@link #main}
 * exits with that code.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        int code = run(args, out, System.err, System.getenv(), Path.of(System.getProperty("user.dir")),
                System.console() != null);
        out.flush();
        System.exit(code);
    }

    /** Runs the command line with this process's environment and working directory, not on a terminal. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv(), Path.of(System.getProperty("user.dir")), false);
    }

    /**
     * Runs the command line.
     *
     * @param env the environment variables to honour (FMNIST_BACKEND, FMNIST_DATA, FMNIST_PLUGINS, ...)
     * @param workDir the directory relative paths are resolved against
     * @param interactive whether {@code out} is a terminal (progress bars, colours)
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Path workDir,
            boolean interactive) {
        ErrorReporter errors = new ErrorReporter(err, ErrorReporter.verboseRequested(List.of(args)));
        try (CliContext context = new CliContext(out, err, env, workDir, interactive)) {
            CommandLine cl = FmnistCommand.commandLine(context);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            cl.setParameterExceptionHandler((e, a) -> errors.usage(e.getMessage(), commandPath(e.getCommandLine())));
            cl.setExecutionExceptionHandler((e, c, parsed) -> e instanceof CommandLine.ParameterException p
                    ? errors.usage(p.getMessage(), commandPath(p.getCommandLine())) : errors.report(e));
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            // Closing backends or plugins failed after the command ran.
            return errors.report(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String commandPath(CommandLine cl) {
        return cl == null ? "fmnist" : cl.getCommandSpec().qualifiedName(" ");
    }
}
