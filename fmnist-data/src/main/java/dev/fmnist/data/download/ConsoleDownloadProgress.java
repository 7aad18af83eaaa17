package dev.fmnist.data.download;

import dev.fmnist.data.files.DataFile;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints download progress: an updating line on a terminal, or one line per file otherwise (logs).
 */
public final class ConsoleDownloadProgress implements DownloadProgress {
    private final PrintStream out;
    private final boolean interactive;
    private long lastPrinted;

    /**
     * @param out where to print
     * @param interactive whether {@code out} is a terminal that understands carriage returns
     */
    public ConsoleDownloadProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void update(DataFile file, long bytes, long total) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrinted < 100_000_000L && bytes != total) {
            return;
        }
        lastPrinted = now;
        String size = total > 0 ? String.format(Locale.ROOT, "%5.1f/%.1f MB %3d%%", bytes / 1e6, total / 1e6,
                bytes * 100 / total) : String.format(Locale.ROOT, "%5.1f MB", bytes / 1e6);
        out.print("\rDownloading " + file.fileName() + "  " + size);
        out.flush();
    }

    @Override
    public void finished(DataFile file) {
        out.print(interactive ? "\rDownloaded " + file.fileName() + " (MD5 verified)" + " ".repeat(20)
                + System.lineSeparator() : "Downloaded " + file.fileName() + " (MD5 verified)"
                + System.lineSeparator());
        out.flush();
    }
}
