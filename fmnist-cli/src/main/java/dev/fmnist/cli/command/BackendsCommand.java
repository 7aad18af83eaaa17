package dev.fmnist.cli.command;

import dev.fmnist.api.spi.Availability;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.cli.error.ErrorReporter;
import dev.fmnist.cli.output.JsonOutput;
import dev.fmnist.cli.output.Texts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmnist backends}: every backend found, without loading any native library. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"Lists the backends and whether they can run here.", "",
            "Lists every backend found, built in (on the class path) or from plugin jars: its version, whether it "
                + "uses native code, whether it can run here, and the layer types (with their restrictions) it runs.",
            "Only the providers are asked (their availability check looks at the platform and classes); no backend "
                + "is created and no native library is loaded.",
            "--json prints one JSON document instead (fields: see fmnist-cli/JSON.md).", ""})
public final class BackendsCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    BackendsCommand(CliContext context) {
        this.context = context;
    }

    /** What is known about one backend. */
    record Row(String name, String version, boolean nativeCode, boolean available, String reason, String source,
            String description, int rank, List<String> layers) {
    }

    @Override
    public Integer call() {
        BackendRegistry registry = context.registry();
        List<Row> rows = new ArrayList<>();
        for (BackendProvider p : registry.providers()) {
            rows.add(row(p));
        }
        String defaultName;
        try {
            defaultName = rows.isEmpty() ? null : context.defaultBackend();
        } catch (RuntimeException e) {
            defaultName = null;
        }
        if (defaultName != null && !registry.names().contains(defaultName)) {
            context.err().println("fmnist: warning: the default backend '" + defaultName + "' (from "
                    + BackendRegistry.ENV + " or -D" + BackendRegistry.PROPERTY + ") is unknown; known: "
                    + String.join(", ", registry.names()));
        }
        if (json) {
            JsonOutput.print(context.out(), document(rows, defaultName, registry.loadProblems()));
        } else {
            printText(rows, defaultName, registry.loadProblems());
        }
        return ErrorReporter.OK;
    }

    private Row row(BackendProvider p) {
        Optional<Path> jar = context.plugins().jarOf(context.registry().implementation(p.name()));
        String source = jar.map(j -> "plugin " + j).orElse("built-in");
        Availability availability;
        try {
            availability = p.availability();
        } catch (RuntimeException | LinkageError e) {
            availability = Availability.no("availability check failed: " + ErrorReporter.message(e));
        }
        List<String> layers;
        try {
            layers = p.capabilities().describe();
        } catch (RuntimeException | LinkageError e) {
            layers = List.of("? (capability query failed: " + ErrorReporter.message(e) + ")");
        }
        // A plugin's strings come from its jar: escaped and bounded like anything read from a file.
        return new Row(Texts.safe(p.name()), Texts.safe(safe(p::version)), p.usesNativeCode(), availability.available(),
                availability.reason() == null ? "" : Texts.safe(availability.reason()), Texts.path(source),
                Texts.safe(safe(p::description)), p.rank(), layers.stream().map(Texts::safe).toList());
    }

    private static String safe(java.util.function.Supplier<String> value) {
        try {
            String s = value.get();
            return s == null ? "" : s;
        } catch (RuntimeException | LinkageError e) {
            return "?";
        }
    }

    private void printText(List<Row> rows, String defaultName, List<String> problems) {
        PrintStream out = context.out();
        if (rows.isEmpty()) {
            out.println("No backends found. Put a backend jar on the class path or in a plugin directory "
                    + "(--plugins DIR, FMNIST_PLUGINS).");
        } else {
            int nameWidth = Math.max(7, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0) + 2);
            int versionWidth = Math.max(9, rows.stream().mapToInt(r -> r.version().length()).max().orElse(0) + 2);
            String format = "%-" + nameWidth + "s %-" + versionWidth + "s %-7s %-10s %s%n";
            out.printf(Locale.ROOT, format, "NAME", "VERSION", "NATIVE", "AVAILABLE", "DESCRIPTION / SOURCE");
            for (Row r : rows) {
                String name = r.name() + (r.name().equals(defaultName) ? "*" : "");
                out.printf(Locale.ROOT, format, name, r.version(), r.nativeCode() ? "yes" : "no",
                        r.available() ? "yes" : "no", r.description() + " [" + r.source() + "]");
                out.printf(Locale.ROOT, "%-" + nameWidth + "s   runs: %s%n", "", String.join(", ", r.layers()));
                if (!r.reason().isBlank()) {
                    out.printf(Locale.ROOT, "%-" + nameWidth + "s   %s%n", "",
                            (r.available() ? "note: " : "cannot run here: ") + r.reason());
                }
            }
            if (defaultName != null) {
                out.println();
                out.println("* default backend: " + defaultName + " (set FMNIST_BACKEND or --backend to choose another)");
            }
        }
        for (String problem : problems) {
            out.println("Could not load a backend: " + problem);
        }
        List<Path> dirs = context.plugins().directories();
        out.println("Plugin directories: " + (dirs.isEmpty() ? "none" : dirs.toString()));
        out.flush();
    }

    private Map<String, Object> document(List<Row> rows, String defaultName, List<String> problems) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "backends");
        doc.put("default", defaultName);
        List<Object> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("version", r.version());
            m.put("description", r.description());
            m.put("native", r.nativeCode());
            m.put("available", r.available());
            m.put("reason", r.reason());
            m.put("rank", r.rank());
            m.put("source", r.source());
            m.put("layers", new ArrayList<Object>(r.layers()));
            list.add(m);
        }
        doc.put("backends", list);
        doc.put("load_problems", new ArrayList<Object>(problems));
        doc.put("plugin_directories", context.plugins().directories().stream().map(Path::toString)
                .map(s -> (Object) s).toList());
        return doc;
    }
}
