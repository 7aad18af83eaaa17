package dev.fmnist.cli.command;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.cli.error.ErrorReporter;
import dev.fmnist.cli.output.JsonOutput;
import dev.fmnist.cli.output.OutputPaths;
import dev.fmnist.cli.output.Texts;
import dev.fmnist.data.classify.Classification;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.ModelInput;
import dev.fmnist.data.classify.Picture;
import dev.fmnist.data.classify.PicturePreparer;
import dev.fmnist.data.image.ImageWarning;
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
            "Classifies picture files of any size (PNG, JPEG, GIF, BMP, TIFF, WebP), or test images by index, and "
                + "prints the most probable classes with their probabilities.",
            "Pictures are prepared as Fashion-MNIST's were: turned upright by their EXIF orientation; made grey; "
                + "the background (a gradient fitted to the border) removed and inverted when light, since the "
                + "dataset is light on black; cropped to the largest object; scaled so the longer side is 28 "
                + "pixels, keeping the aspect ratio; centred on 28x28. Warnings say when a picture is tiny, has "
                + "no or several objects, touches the border or has low contrast. "
                + "'fmnist show IMAGE --out FILE.png' shows the crop box and the result.",
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

    /** One image to classify, or the one-line reason it could not be read. */
    private record Item(String source, ModelInput input, Optional<FashionClass> truth, Integer index, String error) {
        /** What the preprocessor warned about (nothing for test images given as pixels). */
        List<ImageWarning> warnings() {
            return input.preparation().map(PreparedImage::warnings).orElse(List.of());
        }
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
            List<Path> inputs = new ArrayList<>(List.of(context.resolve(modelFile)));
            if (files) {
                images.stream().map(context::resolve).forEach(inputs::add);
            } else {
                inputs.addAll(context.dataFiles(data));
            }
            OutputPaths.checkNotAnInput(png, inputs);
            OutputPaths.checkPngName("--out", out);
        }
        List<Item> all = files ? fromFiles() : fromTestSet();
        List<Item> items = all.stream().filter(item -> item.error() == null).toList();
        try (LoadedModel loaded = LoadedModel.load(context, modelFile, backend, imports.readOptions(context))) {
            List<Classification> results = items.isEmpty() ? List.of() : Classifier.of(loaded.model())
                    .classifyPrepared(items.stream().map(Item::input).toList(), top);
            List<Predicted> drawn = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Predicted p = new Predicted(results.get(i).pixels(), results.get(i).prediction(), items.get(i).truth());
                drawn.add(files ? p.withSource(items.get(i).source()) : p);
            }
            for (Item item : all) {
                if (item.error() != null) {
                    context.err().println("fmnist: " + ErrorReporter.oneLine(item.error()));
                }
            }
            if (png != null && !drawn.isEmpty()) {
                Png.write(PredictionGrid.defaults().render(drawn), png);
            }
            if (json) {
                JsonOutput.print(context.out(), document(loaded, all, results, png));
            } else {
                printText(loaded, items, results, drawn.isEmpty() ? null : png);
            }
            return items.size() == all.size() ? ErrorReporter.OK : ErrorReporter.FAILURE;
        }
    }

    private List<Item> fromFiles() {
        PicturePreparer preparer = PicturePreparer.defaults();
        List<Item> items = new ArrayList<>();
        for (Path image : images) {
            Path resolved = context.resolve(image);
            try {
                ModelInput input = preparer.prepare(Picture.file(resolved));
                items.add(new Item(image.toString(), input, Optional.empty(), null, null));
            } catch (FmnistException e) {
                // One bad file must not cost the others their results: note it, go on, fail at the end.
                String message = e.getMessage().replace(resolved.toString(), image.toString());
                items.add(new Item(image.toString(), null, Optional.empty(), null,
                        message.startsWith(image.toString()) ? message : image + ": " + message));
            }
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
            items.add(new Item("test image " + index,
                    new ModelInput("test image " + index, test.image(index), Optional.empty()),
                    Optional.of(FashionClass.ofLabel(test.label(index))), index, null));
        }
        return items;
    }

    private void printText(LoadedModel loaded, List<Item> items, List<Classification> results, Path png) {
        PrintStream o = context.out();
        o.println("Model: " + Texts.path(loaded.path()) + " on " + loaded.backend().name());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Prediction p = results.get(i).prediction();
            String truth = item.truth().map(t -> " (true: " + t.displayName()
                    + (t == p.best() ? ", right" : ", WRONG") + ")").orElse("");
            o.println(Texts.path(item.source()) + ": " + p.best().displayName() + truth);
            o.print(Texts.topLines(p, top, "  "));
            for (ImageWarning warning : item.warnings()) {
                o.println("  warning: " + warning.message());
            }
        }
        if (png != null) {
            o.println("Wrote " + Texts.path(png));
        }
        o.flush();
    }

    private Map<String, Object> document(LoadedModel loaded, List<Item> items, List<Classification> results, Path png) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "predict");
        doc.put("model_file", loaded.path().toString());
        doc.put("backend", loaded.backend().name());
        List<Object> list = new ArrayList<>();
        int row = 0;
        for (Item item : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", item.source());
            if (item.error() != null) {
                m.put("error", item.error());
                list.add(m);
                continue;
            }
            Prediction p = results.get(row++).prediction();
            m.put("test_index", item.index());
            m.put("true", item.truth().map(Texts::classJson).orElse(null));
            m.put("predicted", Texts.classJson(p.best()));
            m.put("top", Texts.topJson(p, top));
            List<Object> warnings = new ArrayList<>();
            for (ImageWarning warning : item.warnings()) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("code", warning.code());
                w.put("message", warning.message());
                warnings.add(w);
            }
            m.put("warnings", warnings);
            list.add(m);
        }
        doc.put("predictions", list);
        doc.put("picture", png == null ? null : png.toString());
        return doc;
    }
}
