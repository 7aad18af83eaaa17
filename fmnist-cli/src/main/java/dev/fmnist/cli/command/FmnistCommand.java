package dev.fmnist.cli.command;

import dev.fmnist.api.Fmnist;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code fmnist} command: global options and the subcommands. */
@Command(name = "fmnist", mixinStandardHelpOptions = true, versionProvider = FmnistCommand.Version.class,
        description = {"Trains, evaluates and serves Fashion-MNIST classifiers on pluggable backends.", ""},
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ShowCommand.class,
            ReportCommand.class, SummaryCommand.class, BackendsCommand.class, DataCommand.class,
            BenchmarkCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error, 130 training stopped by Ctrl-C (and saved).",
            "Environment: FMNIST_BACKEND (default backend), FMNIST_DATA (data directory),",
            "  FMNIST_PLUGINS (plugin directories), FMNIST_JAVA_OPTS (JVM options for the launcher)."})
public final class FmnistCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    FmnistCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load backend plugin jars from DIR (besides FMNIST_PLUGINS and <fmnist home>/plugins).")
    void plugins(Path dir) {
        context.pluginDirectory(dir);
    }

    /** The command line for a context, with every subcommand constructed around it. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    var constructor = type.getDeclaredConstructor(CliContext.class);
                    return constructor.newInstance(context);
                } catch (NoSuchMethodException e) {
                    return fallback.create(type);
                }
            }
        };
        return new CommandLine(new FmnistCommand(context), factory).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return 2;
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fmnist " + Fmnist.VERSION, "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vm.name") + ")"};
        }
    }
}
