package dev.fmnist.cli.command;

import dev.fmnist.api.error.DataUnavailableException;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.cli.error.ErrorReporter;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fmnist data [info|fetch|verify]}: where the data is, fetching it, checking it. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Finds, fetches and verifies the Fashion-MNIST files.", "",
            "Where the files are (info, the default), downloading them (fetch), checking their MD5 sums (verify).",
            ""},
        subcommands = {DataCommand.Info.class, DataCommand.Fetch.class, DataCommand.Verify.class})
public final class DataCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--data", paramLabel = "DIR", description = "A data directory to use instead of the search.")
    Path data;

    DataCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return info(context, data);
    }

    static int info(CliContext context, Path data) {
        PrintStream out = context.out();
        DataLocator locator = context.locator(data);
        out.println("Search order:");
        for (DataLocator.Candidate c : locator.candidates()) {
            List<String> missing = DataLocation.missing(c.directory());
            String state = !Files.isDirectory(c.directory()) ? "absent"
                    : missing.isEmpty() ? "complete" : "lacks " + String.join(", ", missing);
            out.println("  " + c.directory() + "  (" + c.source() + "): " + state);
        }
        Optional<DataLocation> found = locator.find();
        if (found.isEmpty()) {
            out.println("Fashion-MNIST not found; " + DataLocator.HOW_TO_GET);
            out.flush();
            return ErrorReporter.FAILURE;
        }
        DataLocation location = found.get();
        out.println("Using: " + location.directory() + " (" + location.source() + ")");
        for (DataFile f : DataFile.ALL) {
            Path p = DataLocation.resolve(location.directory(), f);
            out.printf(Locale.ROOT, "  %-28s %,12d bytes%n", p.getFileName(), size(p));
        }
        FashionMnist fmnist = FashionMnist.load(location.directory());
        out.println("Train images: " + fmnist.train().size() + "x28x28, test images: " + fmnist.test().size()
                + "x28x28");
        out.println("Downloads go to: " + locator.downloadDirectory());
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

        @Option(names = "--data", paramLabel = "DIR", description = "A data directory to use instead of the search.")
        Path data;

        Info(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return info(context, data);
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

        @Option(names = "--data", paramLabel = "DIR", description = "The directory to check (default: the one found).")
        Path data;

        Verify(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintStream out = context.out();
            Path dir = data != null ? context.resolve(data) : context.locator(null).locate().directory();
            if (!Files.isDirectory(dir)) {
                throw new DataUnavailableException("data directory " + dir + " does not exist");
            }
            out.println("Checking " + dir);
            boolean genuine = true;
            for (Checksums.Check c : Checksums.verify(dir)) {
                out.printf(Locale.ROOT, "  %-28s %-10s %s%n", c.file().fileName(), c.status(), explain(c));
                genuine &= c.status().genuine();
            }
            out.flush();
            if (!genuine) {
                throw new InvalidDataException("the data in " + dir + " is not the published Fashion-MNIST; "
                        + "delete the bad files and run 'fmnist data fetch --data " + dir + "'");
            }
            out.println("All four files are genuine.");
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
