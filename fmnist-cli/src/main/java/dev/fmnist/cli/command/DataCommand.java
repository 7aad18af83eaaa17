package dev.fmnist.cli.command;

import dev.fmnist.api.error.DataUnavailableException;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.cli.error.ErrorReporter;
import dev.fmnist.cli.output.JsonOutput;
import dev.fmnist.cli.output.Texts;
import dev.fmnist.data.files.DataFile;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.data.download.Checksums;
import dev.fmnist.data.download.ConsoleDownloadProgress;
import dev.fmnist.data.download.Downloader;
import dev.fmnist.data.locate.DataLocation;
import dev.fmnist.data.locate.DataLocator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fmnist data [info|fetch|verify]}: where the data is, fetching it, checking it. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Finds, fetches and verifies the Fashion-MNIST files.", "",
            "Where the files are (info, the default), downloading them (fetch), checking their MD5 sums (verify).",
            ""},
        subcommands = {DataCommand.Info.class, DataCommand.Fetch.class, DataCommand.Verify.class})
public final class DataCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DataOptions options;

    DataCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return info(context, options.data, options.json);
    }

    /** The options every {@code data} command takes. */
    static final class DataOptions {
        @Option(names = "--data", paramLabel = "DIR", description = "A data directory to use instead of the search.")
        Path data;

        @Option(names = "--json", description = "Print one JSON document (fields: see fmnist-cli/JSON.md).")
        boolean json;
    }

    static int info(CliContext context, Path data, boolean json) {
        PrintStream out = context.out();
        DataLocator locator = context.locator(data);
        if (data != null) {
            DataLocation.requireDirectory(context.resolve(data));
        }
        List<Object> searched = new ArrayList<>();
        if (!json) {
            out.println("Search order:");
        }
        for (DataLocator.Candidate c : locator.candidates()) {
            List<String> missing = DataLocation.missing(c.directory());
            String state = !Files.isDirectory(c.directory()) ? "absent"
                    : missing.isEmpty() ? "complete" : "lacks " + String.join(", ", missing);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("directory", c.directory().toString());
                m.put("source", c.source());
                m.put("state", state.startsWith("lacks") ? "incomplete" : state);
                m.put("missing", Files.isDirectory(c.directory()) ? new ArrayList<Object>(missing) : null);
                searched.add(m);
            } else {
                out.println("  " + Texts.path(c.directory()) + "  (" + c.source() + "): " + state);
            }
        }
        Optional<DataLocation> found = locator.find();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "data info");
        doc.put("searched", searched);
        doc.put("download_directory", locator.downloadDirectory().toString());
        if (found.isEmpty()) {
            if (json) {
                doc.put("using", null);
                JsonOutput.print(out, doc);
            }
            out.flush();
            throw new DataUnavailableException("Fashion-MNIST not found; " + DataLocator.HOW_TO_GET);
        }
        DataLocation location = found.get();
        FashionMnist fmnist = FashionMnist.load(location.directory());
        if (json) {
            Map<String, Object> using = new LinkedHashMap<>();
            using.put("directory", location.directory().toString());
            using.put("source", location.source());
            List<Object> files = new ArrayList<>();
            for (DataFile f : DataFile.ALL) {
                Path p = DataLocation.resolve(location.directory(), f);
                files.add(Map.of("file", p.getFileName().toString(), "bytes", size(p)));
            }
            using.put("files", files);
            using.put("train_shape", List.of((long) fmnist.train().size(), 28L, 28L));
            using.put("test_shape", List.of((long) fmnist.test().size(), 28L, 28L));
            doc.put("using", using);
            JsonOutput.print(out, doc);
            return ErrorReporter.OK;
        }
        out.println("Using: " + Texts.path(location.directory()) + " (" + location.source() + ")");
        for (DataFile f : DataFile.ALL) {
            Path p = DataLocation.resolve(location.directory(), f);
            out.printf(Locale.ROOT, "  %-28s %,12d bytes%n", p.getFileName(), size(p));
        }
        out.println("Train images: " + fmnist.train().size() + "x28x28, test images: " + fmnist.test().size()
                + "x28x28");
        out.println("Downloads go to: " + Texts.path(locator.downloadDirectory()));
        out.flush();
        return ErrorReporter.OK;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code fmnist data info}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Shows where fmnist looks for the files, which directory it uses, and the data's shapes.")
    static final class Info implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        DataOptions options;

        Info(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return info(context, options.data, options.json);
        }
    }

    /** {@code fmnist data fetch}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Downloads whatever of the four files is missing into ~/.fmnist/data (or FMNIST_DATA, or "
                    + "--data DIR), checking each against its published MD5 (or, for a mirror of Debian's "
                    + "recompressed files, the MD5 of its content); an interrupted (Ctrl-C, SIGTERM), stalled "
                    + "(30 s without data), oversized or corrupt download leaves nothing behind. Failed transfers "
                    + "are tried 3 times.",
                "Without --data, does nothing if the data is already found elsewhere (such as Debian's package)."})
    static final class Fetch implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--data", paramLabel = "DIR", description = "Download into DIR.")
        Path data;

        @Option(names = "--from", paramLabel = "URL",
                description = "Base URL of a mirror: http:, https: or file: (default: the dataset's canonical location).")
        URI from;

        Fetch(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintStream out = context.out();
            DataLocator locator = context.locator(data);
            if (data == null) {
                Optional<DataLocation> found = locator.find();
                if (found.isPresent()) {
                    out.println("Fashion-MNIST is already available in " + found.get().directory() + " ("
                            + found.get().source() + "); nothing to fetch. Use --data DIR to download elsewhere.");
                    return ErrorReporter.OK;
                }
            }
            Path target = locator.downloadDirectory();
            Downloader downloader = from == null ? Downloader.canonical()
                    : new Downloader(from, null, Duration.ofSeconds(30));
            out.println("Downloading Fashion-MNIST into " + target);
            downloader.downloadAll(target, new ConsoleDownloadProgress(out, context.interactive()));
            out.println("Done: " + FashionMnist.load(target).describe());
            return ErrorReporter.OK;
        }
    }

    /** {@code fmnist data verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks the four files' MD5 sums: OK when a file is byte for byte the published one, "
                    + "CONTENT_OK when it was recompressed (as Debian's package is) but its content is the published "
                    + "content. Exits with 1 if a file is missing or does not match."})
    static final class Verify implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        DataOptions options;

        Verify(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintStream out = context.out();
            Path dir = options.data != null ? context.resolve(options.data)
                    : context.locator(null).locate().directory();
            DataLocation.requireDirectory(dir);
            List<Checksums.Check> checks = Checksums.verify(dir);
            boolean genuine = checks.stream().allMatch(c -> c.status().genuine());
            if (options.json) {
                List<Object> files = new ArrayList<>();
                for (Checksums.Check c : checks) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", c.file().fileName());
                    m.put("path", c.path().toString());
                    m.put("status", c.status().name());
                    m.put("md5", c.actualMd5().isEmpty() ? null : c.actualMd5());
                    m.put("expected_md5", c.file().md5());
                    m.put("expected_content_md5", c.file().contentMd5());
                    files.add(m);
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("command", "data verify");
                doc.put("directory", dir.toString());
                doc.put("files", files);
                doc.put("genuine", genuine);
                JsonOutput.print(out, doc);
            } else {
                out.println("Checking " + Texts.path(dir));
                for (Checksums.Check c : checks) {
                    out.printf(Locale.ROOT, "  %-28s %-10s %s%n", c.file().fileName(), c.status(), explain(c));
                }
            }
            out.flush();
            if (!genuine) {
                throw new InvalidDataException("the data in " + dir + " is not the published Fashion-MNIST; "
                        + "delete the bad files and run 'fmnist data fetch --data " + dir + "'");
            }
            if (!options.json) {
                out.println("All four files are genuine.");
            }
            return ErrorReporter.OK;
        }

        private static String explain(Checksums.Check c) {
            return switch (c.status()) {
                case OK -> "MD5 " + c.actualMd5() + " as published";
                case CONTENT_OK -> "recompressed; uncompressed content MD5 " + c.file().contentMd5() + " as published";
                case MISMATCH -> "MD5 " + c.actualMd5() + ", expected " + c.file().md5();
                case MISSING -> "missing";
            };
        }
    }
}
