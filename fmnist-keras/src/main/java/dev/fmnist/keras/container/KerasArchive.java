package dev.fmnist.keras.container;

import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.error.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The members of a {@code .keras} zip (Keras 3, and Keras 2.13-2.14): {@code metadata.json}, {@code config.json}
 * and {@code model.weights.h5}. Nothing is extracted to disk. The archive comes from elsewhere, so it is read
 * defensively: a bounded number of entries, no entry named with {@code ..}, an absolute path or a drive, each
 * member read as a stream that stops at a cap whatever its header claims, and a compression ratio over
 * {@link #MAX_RATIO} refused (a zip bomb).
 *
 * @param metadata {@code metadata.json} as text (may be empty when absent)
 * @param config {@code config.json} as text
 * @param weights {@code model.weights.h5}'s bytes
 */
public record KerasArchive(String metadata, String config, byte[] weights) {
    /** The zip local-file signature. */
    public static final byte[] SIGNATURE = {'P', 'K', 3, 4};
    /** Largest JSON member. */
    public static final long MAX_JSON = 16L << 20;
    /** Largest weights member. */
    public static final long MAX_WEIGHTS = 512L << 20;
    /** Largest uncompressed-to-compressed ratio accepted (Keras stores its members uncompressed). */
    public static final long MAX_RATIO = 100;
    private static final int MAX_ENTRIES = 10_000;

    /** Whether bytes start with a zip signature. */
    public static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** Reads the three members of a {@code .keras} file. */
    public static KerasArchive read(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Map<String, ZipEntry> entries = new HashMap<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            int count = 0;
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new ModelFormatException(path + " has more than " + MAX_ENTRIES + " zip entries");
                }
                checkName(path, e.getName());
                entries.put(e.getName(), e);
            }
            ZipEntry config = entries.get("config.json");
            ZipEntry weights = entries.get("model.weights.h5");
            if (config == null || weights == null) {
                throw new ModelFormatException(path + " is a zip file but not a Keras model (it needs config.json "
                        + "and model.weights.h5" + (entries.containsKey("model.weights.npz")
                                ? "; npz weights are not supported" : "") + ")");
            }
            ZipEntry metadata = entries.get("metadata.json");
            String meta = metadata == null ? "" : text(member(path, zip, metadata, MAX_JSON));
            return new KerasArchive(meta, text(member(path, zip, config, MAX_JSON)),
                    member(path, zip, weights, MAX_WEIGHTS));
        } catch (ZipException e) {
            throw new ModelFormatException(path + " is a corrupt zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new StorageException("cannot read " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(path + " is a corrupt zip file (" + e.getMessage() + ")", e);
        }
    }

    static void checkName(Path path, String name) {
        String n = name.replace('\\', '/');
        boolean hostile = n.startsWith("/") || n.equals("..") || n.startsWith("../") || n.endsWith("/..")
                || n.contains("/../") || (n.length() > 1 && n.charAt(1) == ':') || n.indexOf('\0') >= 0;
        if (hostile) {
            throw new ModelFormatException(path + " has a zip entry with an unsafe name '" + name.replace('\0', '?')
                    + "' (outside the archive)");
        }
    }

    private static byte[] member(Path path, ZipFile zip, ZipEntry entry, long cap) throws IOException {
        long declared = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (declared > cap) {
            throw new ModelFormatException(path + ": zip entry " + entry.getName() + " declares " + declared
                    + " bytes, more than the " + cap + " allowed");
        }
        if (declared > (1 << 20) && compressed > 0 && declared / compressed > MAX_RATIO) {
            throw new ModelFormatException(path + ": zip entry " + entry.getName() + " expands " + declared
                    / compressed + " times (a zip bomb?)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, cap)));
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > cap) {
                    throw new ModelFormatException(path + ": zip entry " + entry.getName() + " expands beyond the "
                            + cap + " bytes allowed");
                }
                if (total > (1 << 20) && compressed > 0 && total / compressed > MAX_RATIO) {
                    throw new ModelFormatException(path + ": zip entry " + entry.getName() + " expands more than "
                            + MAX_RATIO + " times (a zip bomb?)");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
