package dev.fmnist.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that run a saved model on the test set ({@code evaluate}, {@code report}). */
final class SavedModelOptions {
    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The model file: .fmnist, or Keras .h5/.keras (detected from the content).")
    Path modelFile;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend to run the model on (default: the one that trained it).")
    String backend;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the four Fashion-MNIST files.")
    Path data;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Mixin
    ImportOptions imports;

    /** Loads the model file onto the chosen backend. */
    LoadedModel load(CliContext context) {
        return LoadedModel.load(context, modelFile, backend, imports.readOptions(context));
    }
}
