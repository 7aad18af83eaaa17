package dev.fmnist.data.download;

import dev.fmnist.data.files.DataFile;

/** Receives download progress. */
public interface DownloadProgress {

    /** Some bytes of {@code file} arrived; {@code total} is -1 when the server did not say. */
    void update(DataFile file, long bytes, long total);

    /** {@code file} is downloaded and verified. */
    default void finished(DataFile file) {
    }

    /** Ignores progress. */
    static DownloadProgress silent() {
        return (file, bytes, total) -> {
        };
    }
}
