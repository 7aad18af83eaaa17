package dev.fmnist.cli.command;

import dev.fmnist.cli.output.Texts;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.cli.output.JsonOutput;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fmnist convert}: a model file from one format into another. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Converts a model file between formats.", "",
            "Reads .fmnist, Keras .h5 (model.save of Keras 1-3, save_weights with --architecture) and .keras "
                + "files, detecting the format from the content; writes the format OUT's extension names: "
                + ".fmnist, .h5 (as Keras 2's model.save), .keras (as Keras 3) or .onnx (opset 13, input "
                + "[N, 28, 28] float32 in [0, 1], output class probabilities).", ""})
public final class ConvertCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "IN", description = "The model file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (.fmnist, .h5, .keras, .onnx).")
    Path out;

    @Mixin
    ImportOptions imports;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    ConvertCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path source = context.resolve(in);
        Path target = context.resolve(out);
        SavedModel model = ModelFiles.convert(source, target, imports.readOptions(context));
        PrintStream o = context.out();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "convert");
            doc.put("input", source.toString());
            doc.put("output", target.toString());
            doc.put("model", model.spec().toJson());
            doc.put("provenance", model.provenance().toJson());
            JsonOutput.print(o, doc);
        } else {
            o.println("Converted " + Texts.path(source) + " to " + Texts.path(target));
            o.println("  " + Texts.safe(model.spec().summary()) + " (" + model.spec().parameterCount() + " parameters)");
        }
        o.flush();
        return 0;
    }
}
