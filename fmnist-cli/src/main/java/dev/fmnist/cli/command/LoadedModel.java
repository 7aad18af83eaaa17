package dev.fmnist.cli.command;

import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.ReadOptions;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.spi.Availability;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.spi.BackendRegistry;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model file of any installed format (fmnist's, Keras's: detected from the content) loaded onto a backend:
 * the one named with {@code --backend}, else the one that trained it (from its provenance) when it is
 * installed and can run here, else the default backend (with a note on stderr saying why; imported models
 * go to the default backend without one).
 *
 * @param path the model file
 * @param saved the file's contents
 * @param backend the backend it runs on
 * @param model the model, closed with this record
 */
record LoadedModel(Path path, SavedModel saved, Backend backend, Model model) implements AutoCloseable {

    static LoadedModel load(CliContext context, Path file, String explicitBackend, ReadOptions options) {
        Path path = context.resolve(file);
        SavedModel saved = ModelFiles.read(path, options);
        String name = chooseBackend(context, saved, explicitBackend);
        Backend backend = context.registry().backend(name);
        Model model = backend.load(saved.spec(), saved.weights(), saved.provenance());
        return new LoadedModel(path, saved, backend, model);
    }

    private static String chooseBackend(CliContext context, SavedModel saved, String explicit) {
        if (explicit != null) {
            context.registry().provider(explicit);
            return explicit;
        }
        if (saved.provenance().isImported()) {
            return context.defaultBackend();
        }
        BackendRegistry registry = context.registry();
        String trainedBy = saved.provenance().backend();
        Optional<BackendProvider> provider = registry.find(trainedBy);
        String why;
        if (provider.isPresent()) {
            Availability availability = provider.get().availability();
            if (availability.available()) {
                return trainedBy;
            }
            why = "cannot run here (" + availability.reason() + ")";
        } else {
            why = "is not installed";
        }
        String fallback = context.defaultBackend();
        context.err().println("fmnist: note: the model was trained with '" + trainedBy + "', which " + why
                + "; using '" + fallback + "'");
        return fallback;
    }

    /** One line about the model: network, who trained it, how far. */
    String describe() {
        var p = saved.provenance();
        if (p.isImported()) {
            var source = p.imported();
            return saved.spec().summary() + "; imported from " + source.fileName() + " (" + source.format()
                    + ", Keras " + source.kerasVersion() + ", sha256 " + source.sha256().substring(0, 12) + "...)";
        }
        return saved.spec().summary() + "; trained by " + p.backend() + " " + p.backendVersion() + ", "
                + p.epochsCompleted() + "/" + p.config().epochs() + " epochs" + (p.complete() ? "" : " (incomplete)")
                + ", " + p.created();
    }

    @Override
    public void close() {
        model.close();
    }
}
