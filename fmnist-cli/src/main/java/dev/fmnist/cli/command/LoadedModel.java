package dev.fmnist.cli.command;

import dev.fmnist.cli.output.Texts;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.ReadOptions;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Availability;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.spi.BackendRegistry;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model file of any installed format (fmnist's, Keras's: detected from the content) loaded onto a backend:
 * the one named with {@code --backend}, else the one that trained it (from its provenance) when it is
 * installed, can run here and runs the network (its capabilities), else the default backend, else the first
 * available backend that runs the network (with a note on stderr saying why; an imported model goes to the
 * default backend, or the first that runs it, without one). When none runs it, the default backend's refusal
 * names the layer and option.
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
        BackendRegistry registry = context.registry();
        if (saved.provenance().isImported()) {
            return runnerOf(registry, saved.spec(), context.defaultBackend());
        }
        String trainedBy = saved.provenance().backend();
        Optional<BackendProvider> provider = registry.find(trainedBy);
        String why;
        if (provider.isPresent()) {
            Availability availability = provider.get().availability();
            Optional<String> problem = provider.get().capabilities().problem(saved.spec());
            if (availability.available() && problem.isEmpty()) {
                return trainedBy;
            }
            why = availability.available() ? "cannot run this network (" + problem.get() + ")"
                    : "cannot run here (" + availability.reason() + ")";
        } else {
            why = "is not installed";
        }
        String fallback = runnerOf(registry, saved.spec(), context.defaultBackend());
        context.err().println("fmnist: note: the model was trained with '" + Texts.safe(trainedBy) + "', which "
                + Texts.safe(why) + "; using '" + fallback + "'");
        return fallback;
    }

    /** The default backend if it runs {@code spec}, else the first available one that does, else the default. */
    private static String runnerOf(BackendRegistry registry, ModelSpec spec, String defaultName) {
        if (registry.provider(defaultName).capabilities().supports(spec)) {
            return defaultName;
        }
        for (BackendProvider p : registry.providers()) {
            if (p.availability().available() && p.capabilities().supports(spec)) {
                return p.name();
            }
        }
        return defaultName;
    }

    /** One line about the model: network, who trained it, how far. */
    String describe() {
        var p = saved.provenance();
        String network = Texts.safe(saved.spec().summary());
        if (p.isImported()) {
            var source = p.imported();
            return network + "; imported from " + Texts.path(source.fileName()) + " (" + Texts.safe(source.format())
                    + ", Keras " + Texts.safe(source.kerasVersion()) + ", sha256 "
                    + Texts.safe(source.sha256().substring(0, Math.min(12, source.sha256().length()))) + "...)";
        }
        return network + "; trained by " + Texts.safe(p.backend()) + " " + Texts.safe(p.backendVersion()) + ", "
                + p.epochsCompleted() + "/" + p.config().epochs() + " epochs" + (p.complete() ? "" : " (incomplete)")
                + ", " + p.created();
    }

    @Override
    public void close() {
        model.close();
    }
}
