package dev.fmnist.cli.command;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.cli.output.JsonOutput;
import dev.fmnist.cli.output.OutputPaths;
import dev.fmnist.cli.output.Texts;
import dev.fmnist.data.image.ImagePreprocessor;
import dev.fmnist.data.image.ImageWarning;
import dev.fmnist.data.image.PreparedImage;
import dev.fmnist.viz.image.CropView;
import dev.fmnist.viz.image.ImagePlot;
import dev.fmnist.viz.image.TerminalImage;
import dev.fmnist.viz.io.Png;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fmnist show}: the tutorial's {@code imshow}, in the terminal and as a PNG. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows an image in the terminal, or writes it as a PNG.", "",
            "Shows one image in the terminal (Unicode half blocks in grey levels, or an ASCII ramp when output is "
                + "not a terminal) with its label, and writes it as a PNG with --out.",
            "With IMAGE, shows the 28x28 form of a picture file exactly as 'fmnist predict' feeds it to the model, "
                + "with the crop box and any warnings; --out then draws the upright picture with the crop box "
                + "beside the 28x28 input.",
            "Without an image option, shows training image 0, as the tutorial does.", ""})
public final class ShowCommand implements Callable<Integer> {
    /** How the image reaches the terminal. */
    enum Colors { AUTO, TRUECOLOR, XTERM256, ASCII }

    private final CliContext context;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--train-index", paramLabel = "N", description = "Show training image N (0..59999).")
    Integer trainIndex;

    @Option(names = "--test-index", paramLabel = "N", description = "Show test image N (0..9999).")
    Integer testIndex;

    @Parameters(paramLabel = "IMAGE", arity = "0..1", description = "A picture file to show as the model sees it.")
    Path image;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the four Fashion-MNIST files.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE.png",
            description = "Also write the image, enlarged with a colour bar and its label as title, as a PNG.")
    Path out;

    @Option(names = "--json", description = "Print one JSON document: the 28x28 pixels, label or crop box and warnings "
            + "(fields: see fmnist-cli/JSON.md).")
    boolean json;

    @Option(names = "--colors", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (from COLORTERM/TERM/NO_COLOR on a terminal; ASCII otherwise), truecolor, xterm256 "
                    + "or ascii (default: ${DEFAULT-VALUE}).")
    Colors colors;

    ShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        int chosen = (trainIndex != null ? 1 : 0) + (testIndex != null ? 1 : 0) + (image != null ? 1 : 0);
        if (chosen > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give only one of --train-index, --test-index and IMAGE");
        }
        Path png = out == null ? null : context.resolve(out);
        if (png != null) {
            OutputPaths.checkWritableFile(png);
            OutputPaths.checkNotAnInput(png, image != null ? List.of(context.resolve(image)) : context.dataFiles(data));
            OutputPaths.checkPngName("--out", out);
        }
        byte[] pixels;
        String title;
        String caption;
        PreparedImage prepared = null;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "show");
        if (image != null) {
            prepared = ImagePreprocessor.defaults().prepare(context.resolve(image));
            pixels = prepared.pixels();
            title = image.getFileName().toString();
            caption = Texts.path(image) + " as the model sees it (28x28): " + prepared.describe();
            doc.put("source", image.toString());
            doc.put("set", null);
            doc.put("index", null);
            doc.put("label", null);
            Map<String, Object> crop = new LinkedHashMap<>();
            crop.put("x", prepared.cropX());
            crop.put("y", prepared.cropY());
            crop.put("width", prepared.cropWidth());
            crop.put("height", prepared.cropHeight());
            doc.put("crop", crop);
            doc.put("description", prepared.describe());
        } else {
            boolean test = testIndex != null;
            int index = test ? testIndex : trainIndex != null ? trainIndex : 0;
            Dataset set = test ? context.loadData(data).test() : context.loadData(data).train();
            if (index < 0 || index >= set.size()) {
                throw new InvalidInputException((test ? "--test-index " : "--train-index ") + index
                        + " is outside 0.." + (set.size() - 1));
            }
            pixels = set.image(index);
            FashionClass label = FashionClass.ofLabel(set.label(index));
            title = label.displayName();
            doc.put("source", (test ? "test" : "train") + " image " + index);
            doc.put("set", test ? "test" : "train");
            doc.put("index", index);
            doc.put("label", Texts.classJson(label));
            doc.put("crop", null);
            doc.put("description", null);
            caption = (test ? "Test" : "Training") + " image " + index + ": " + label.displayName() + " (label "
                    + label.label() + ")";
        }
        PrintStream o = context.out();
        if (png != null) {
            Png.write(prepared == null ? ImagePlot.defaults().render(pixels, title) : cropView(prepared, title), png);
        }
        if (json) {
            List<Object> warnings = new ArrayList<>();
            if (prepared != null) {
                for (ImageWarning warning : prepared.warnings()) {
                    Map<String, Object> w = new LinkedHashMap<>();
                    w.put("code", warning.code());
                    w.put("message", warning.message());
                    warnings.add(w);
                }
            }
            doc.put("warnings", warnings);
            doc.put("width", 28);
            doc.put("height", 28);
            doc.put("pixels_base64", Base64.getEncoder().encodeToString(pixels));
            doc.put("picture", png == null ? null : png.toString());
            JsonOutput.print(o, doc);
            return 0;
        }
        o.print(terminal().render(pixels));
        o.println(caption);
        if (prepared != null) {
            for (ImageWarning warning : prepared.warnings()) {
                o.println("warning: " + warning.message());
            }
        }
        if (png != null) {
            o.println("Wrote " + Texts.path(png));
        }
        o.flush();
        return 0;
    }

    /** The upright picture with the crop box, beside the 28x28 input. */
    private BufferedImage cropView(PreparedImage prepared, String title) {
        BufferedImage original = ImagePreprocessor.defaults().decode(context.resolve(image));
        Rectangle box = new Rectangle(prepared.cropX(), prepared.cropY(), prepared.cropWidth(), prepared.cropHeight());
        return CropView.defaults().render(original, box, prepared.pixels(), title);
    }

    private TerminalImage terminal() {
        TerminalImage.Mode mode = switch (colors) {
            case TRUECOLOR -> TerminalImage.Mode.TRUE_COLOR;
            case XTERM256 -> TerminalImage.Mode.ANSI_256;
            case ASCII -> TerminalImage.Mode.ASCII;
            case AUTO -> context.interactive() ? TerminalImage.Mode.detect(context.env()) : TerminalImage.Mode.ASCII;
        };
        return TerminalImage.of(mode);
    }
}
