package dev.fmnist.cli.command;

import dev.fmnist.api.io.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options for reading a foreign model file (Keras): the network of a weights-only file, the input range. */
final class ImportOptions {
    @Option(names = "--architecture", paramLabel = "PRESET|FILE.json",
            description = "The network of a weights-only file (Keras save_weights .h5, .weights.h5): a preset "
                + "(mlp) or a JSON description (fmnist's, or Keras's model.to_json()).")
    String architecture;

    @Option(names = "--input-range", paramLabel = "0-1|0-255",
            description = "The pixel range an imported model was trained on (default: what the file says, else "
                + "0-1); stored with the model.")
    String inputRange;

    /** The read options, with a relative architecture file resolved against the working directory. */
    ReadOptions readOptions(CliContext context) {
        String arch = architecture;
        if (arch != null) {
            Path file = context.resolve(Path.of(arch));
            if (Files.exists(file) || arch.endsWith(".json")) {
                arch = file.toString();
            }
        }
        return new ReadOptions(arch, inputRange);
    }
}
