package dev.fmnist.api.io;

import dev.fmnist.api.error.StorageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that readers see either the old file or the complete new one, never half of it: the
 * content goes to a temporary file beside the target, is flushed to disk, then moved into place.
 */
public final class AtomicFiles {

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws StorageException naming the path if it cannot be written; the target is then untouched
     */
    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            if (Files.isDirectory(absolute)) {
                throw new StorageException("cannot write " + target + ": it is a directory");
            }
            Files.createDirectories(dir);
            String prefix = "." + absolute.getFileName() + ".";
            removeStaleTemporaries(dir, prefix);
            // The writer's process id in the name lets a later save tell an abandoned temporary from a live one.
            temp = Files.createTempFile(dir, prefix + ProcessHandle.current().pid() + ".", ".tmp");
            keepUsualPermissions(temp, absolute);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new StorageException("cannot write " + target + ": " + describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the target itself was not touched.
                }
            }
        }
    }

    /** Temp files are created owner-only; give the result the target's or the usual rw-r--r-- permissions. */
    /**
     * Deletes {@code prefix<pid>.<n>.tmp} files in {@code dir} whose writer process has ended: what a SIGKILL
     * or a second Ctrl-C during a save left behind. Best effort; other files are never touched.
     */
    private static void removeStaleTemporaries(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir, prefix + "*.tmp")) {
            for (Path candidate : candidates) {
                String middle = candidate.getFileName().toString();
                middle = middle.substring(prefix.length(), middle.length() - ".tmp".length());
                int dot = middle.indexOf('.');
                if (dot <= 0 || !middle.substring(0, dot).chars().allMatch(Character::isDigit)
                        || !middle.substring(dot + 1).chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(middle.substring(0, dot));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Files.deleteIfExists(candidate);
            }
        } catch (IOException | RuntimeException ignored) {
            // Cleaning up is a courtesy; the save itself must not fail because of it.
        }
    }

    private static void keepUsualPermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Writes bytes to {@code target} atomically. */
    public static void write(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    /** A short description of an I/O failure for a one-line message. */
    public static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return switch (type) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or directory";
            case "FileSystemException" -> e.getMessage();
            default -> e.getMessage() == null ? type : e.getMessage();
        };
    }
}
