package dev.fmnist.cli.command;

import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.spi.Availability;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.spi.BackendRegistry;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model file loaded onto a backend: the one named with {@code --backend}, else the one that trained it
 * (from its provenance) when it is installed and can run here, else the default backend (with a note on
 * stderr saying why).
 *
 * @param path the model file
 * @param saved the file's contents
 * @param backend the backend it runs on
 * @param model the model, closed with this record
 */
record LoadedModel(Path path, SavedModel saved, Backend backend, Model model) implements AutoCloseable {

    static LoadedModel load(CliContext context, Path file, String explicitBackend) {
        Path path = context.resolve(file);
        SavedModel saved = ModelFile.read(path);
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
        return saved.spec().summary() + "; trained by " + p.backend() + " " + p.backendVersion() + ", "
                + p.epochsCompleted() + "/" + p.config().epochs() + " epochs" + (p.complete() ? "" : " (incomplete)")
                + ", " + p.created();
    }

    @Override
    public void close() {
        model.close();
    }
}
