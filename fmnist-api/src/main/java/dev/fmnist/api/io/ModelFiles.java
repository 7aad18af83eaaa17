package dev.fmnist.api.io;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.error.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The one way to read and write model files of any installed format: fmnist's own, plus every
 * {@link ModelFormat} on the class path. Reading detects the format from the file's first bytes (a
 * renamed file still loads); writing picks it from the target's extension.
 */
public final class ModelFiles {
    /** How many leading bytes formats see to recognise a file. */
    public static final int HEAD_BYTES = 512;

    private final List<ModelFormat> formats;

    private ModelFiles(List<ModelFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** fmnist's format and those found by ServiceLoader through the context class loader. */
    public static ModelFiles installed() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<ModelFormat> found = new ArrayList<>();
        found.add(new FmnistFormat());
        for (ModelFormat f : ServiceLoader.load(ModelFormat.class,
                loader != null ? loader : ModelFiles.class.getClassLoader())) {
            found.add(f);
        }
        return new ModelFiles(found);
    }

    /** Reads any installed format. */
    public static SavedModel read(Path path) {
        return installed().load(path, ReadOptions.none());
    }

    /** Reads any installed format with options for weights-only files and input ranges. */
    public static SavedModel read(Path path, ReadOptions options) {
        return installed().load(path, options);
    }

    /** Writes in the format the extension names ({@code .fmnist} when no format claims it). */
    public static void write(Path path, SavedModel model) {
        installed().save(path, model);
    }

    /**
     * Converts a model file of any installed format into the format {@code target}'s extension names.
     *
     * @return the model as read
     * @throws InvalidInputException if the target is the source itself (an input is never overwritten)
     */
    public static SavedModel convert(Path source, Path target, ReadOptions options) {
        if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            throw new InvalidInputException("the output " + target + " is the input file; choose another name");
        }
        ModelFiles files = installed();
        ModelFormat format = files.format(target);
        SavedModel model = files.load(source, options);
        format.write(target, model);
        return model;
    }

    /** The formats, fmnist's first. */
    public List<ModelFormat> formats() {
        return formats;
    }

    /**
     * Reads a model file in whichever installed format recognises its content.
     *
     * @throws ModelFormatException if no format recognises it
     * @throws StorageException if it cannot be read
     */
    public SavedModel load(Path path, ReadOptions options) {
        byte[] head = head(path);
        for (ModelFormat f : formats) {
            if (f.recognizes(head, path)) {
                return f.read(path, options);
            }
        }
        ModelFormat named = byExtension(path);
        if (named != null) {
            // The name says which format it should be: that format's reader names what is wrong.
            return named.read(path, options);
        }
        throw new ModelFormatException(path + " is not a model file of a known format (known: "
                + formats.stream().map(ModelFormat::name).toList() + ")");
    }

    /** Writes a model in the format its extension names. @throws InvalidInputException for unknown ones */
    public void save(Path path, SavedModel model) {
        format(path).write(path, model);
    }

    /** The format that writes a file of this name. @throws InvalidInputException naming the known endings */
    public ModelFormat format(Path path) {
        ModelFormat f = byExtension(path);
        if (f == null) {
            List<String> known = new ArrayList<>();
            formats.forEach(x -> known.addAll(x.extensions()));
            throw new InvalidInputException("cannot tell the format of " + path + " from its name; use one of "
                    + known);
        }
        return f;
    }

    /** The format whose longest extension ends the file's name, or null. */
    private ModelFormat byExtension(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        ModelFormat best = null;
        int bestLength = -1;
        for (ModelFormat f : formats) {
            for (String ext : f.extensions()) {
                if (name.endsWith(ext) && ext.length() > bestLength) {
                    best = f;
                    bestLength = ext.length();
                }
            }
        }
        return best;
    }

    private static byte[] head(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (NoSuchFileException e) {
            throw new StorageException("model file " + path + " does not exist");
        } catch (IOException e) {
            throw new StorageException("cannot read model file " + path + ": " + AtomicFiles.describe(e), e);
        }
    }
}
