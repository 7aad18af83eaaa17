package dev.fmnist.cli.command;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.cli.output.JsonOutput;
import dev.fmnist.cli.output.OutputPaths;
import dev.fmnist.cli.output.Texts;
import dev.fmnist.data.image.ImagePreprocessor;
import dev.fmnist.data.image.PreparedImage;
import dev.fmnist.viz.image.Predicted;
import dev.fmnist.viz.image.PredictionGrid;
import dev.fmnist.viz.io.Png;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmnist predict}: classifies picture files or test images. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classifies picture files or test images.", "",
            "Classifies picture files of any size (PNG, JPEG, GIF, BMP), or test images by index, and prints the "
                + "most probable classes with their probabilities.",
            "Pictures are prepared as Fashion-MNIST's were: made grey; inverted when the background (the border "
                + "pixels) is light, since the dataset is light on black; cropped to the object; scaled so the "
                + "longer side is 28 pixels, keeping the aspect ratio; centred on 28x28. "
                + "'fmnist show IMAGE' shows the result.",
            "--json prints one JSON document instead (fields: see fmnist-cli/JSON.md).", ""})
public final class PredictCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The model file: .fmnist, or Keras .h5/.keras (detected from the content).")
    Path modelFile;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend to run the model on (default: the one that trained it).")
    String backend;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3",
            description = "Classes to show per image, 1 to 10 (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--test-index", paramLabel = "N", arity = "1..*", split = ",",
            description = "Predict these test images (0..9999) instead of files.")
    List<Integer> testIndices;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the Fashion-MNIST files (for --test-index).")
    Path data;

    @Option(names = "--out", paramLabel = "FILE.png",
            description = "Also draw the images with their predictions and probability bars into a PNG.")
    Path out;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Mixin
    ImportOptions imports;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Picture files to classify.")
    List<Path> images;

    PredictCommand(CliContext context) {
        this.context = context;
    }

    /** One image to classify. */
    private record Item(String source, byte[] pixels, Optional<FashionClass> truth, Integer index) {
    }

    @Override
    public Integer call() {
        boolean files = images != null && !images.isEmpty();
        boolean tests = testIndices != null && !testIndices.isEmpty();
        if (files == tests) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either picture files or --test-index, not " + (files ? "both" : "neither"));
        }
        if (top < 1 || top > FashionClass.COUNT) {
            throw new InvalidInputException("--top must be between 1 and " + FashionClass.COUNT + ", got " + top);
        }
        Path png = out == null ? null : context.resolve(out);
        if (png != null) {
            OutputPaths.checkWritableFile(png);
        }
        List<Item> items = files ? fromFiles() : fromTestSet();
        try (LoadedModel loaded = LoadedModel.load(context, modelFile, backend, imports.readOptions(context))) {
            float[] scaled = new float[items.size() * Images.PIXELS];
            for (int i = 0; i < items.size(); i++) {
                Images.scale(items.get(i).pixels(), 0, scaled, i * Images.PIXELS, Images.PIXELS);
            }
            float[] probabilities = loaded.model().predict(scaled, items.size());
            List<Predicted> drawn = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                drawn.add(new Predicted(items.get(i).pixels(), Prediction.of(probabilities, i), items.get(i).truth()));
            }
            if (png != null) {
                Png.write(PredictionGrid.defaults().render(drawn), png);
            }
            if (json) {
                JsonOutput.print(context.out(), document(loaded, items, probabilities, png));
            } else {
                printText(loaded, items, probabilities, png);
            }
            return 0;
        }
    }

    private List<Item> fromFiles() {
        ImagePreprocessor preprocessor = ImagePreprocessor.defaults();
        List<Item> items = new ArrayList<>();
        for (Path image : images) {
            PreparedImage prepared = preprocessor.prepare(context.resolve(image));
            items.add(new Item(image.toString(), prepared.pixels(), Optional.empty(), null));
        }
        return items;
    }

    private List<Item> fromTestSet() {
        Dataset test = context.loadData(data).test();
        List<Item> items = new ArrayList<>();
        for (int index : testIndices) {
            if (index < 0 || index >= test.size()) {
                throw new InvalidInputException("--test-index " + index + " is outside 0.." + (test.size() - 1));
            }
            items.add(new Item("test image " + index, test.image(index),
                    Optional.of(FashionClass.ofLabel(test.label(index))), index));
        }
        return items;
    }

    private void printText(LoadedModel loaded, List<Item> items, float[] probabilities, Path png) {
        PrintStream o = context.out();
        o.println("Model: " + loaded.path() + " on " + loaded.backend().name());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Prediction p = Prediction.of(probabilities, i);
            String truth = item.truth().map(t -> " (true: " + t.displayName()
                    + (t == p.best() ? ", right" : ", WRONG") + ")").orElse("");
            o.println(item.source() + ": " + p.best().displayName() + truth);
            o.print(Texts.topLines(p, top, "  "));
        }
        if (png != null) {
            o.println("Wrote " + png);
        }
        o.flush();
    }

    private Map<String, Object> document(LoadedModel loaded, List<Item> items, float[] probabilities, Path png) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "predict");
        doc.put("model_file", loaded.path().toString());
        doc.put("backend", loaded.backend().name());
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Prediction p = Prediction.of(probabilities, i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", item.source());
            m.put("test_index", item.index());
            m.put("true", item.truth().map(Texts::classJson).orElse(null));
            m.put("predicted", Texts.classJson(p.best()));
            m.put("top", Texts.topJson(p, top));
            list.add(m);
        }
        doc.put("predictions", list);
        doc.put("picture", png == null ? null : png.toString());
        return doc;
    }
}
