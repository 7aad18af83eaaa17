package dev.fmnist.cli.command;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.training.StopSignal;
import dev.fmnist.cli.signal.InterruptToStop;
import dev.fmnist.serve.FmnistServer;
import dev.fmnist.serve.ServeSettings;
import dev.fmnist.serve.ServedModel;
import dev.fmnist.serve.TestSamples;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fmnist serve}: the HTTP prediction service and web page on one model. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves a model over HTTP: a prediction API and a web page.", "",
            "Endpoints: POST /v1/predict (a picture as the body, multipart 'image' parts, or JSON {\"pixels\": "
                + "[...]}; ?top=K), GET /v1/model, /healthz, /readyz, /metrics (Prometheus), /openapi.json, "
                + "and the page at /.",
            "Binds to 127.0.0.1 unless --host says otherwise. Ctrl-C or SIGTERM stops accepting, finishes the "
                + "requests in flight and exits 0.", ""})
public final class ServeCommand implements Callable<Integer> {
    private static final String ACTION = "stopping: no new connections, finishing the requests in flight "
            + "(press Ctrl-C again to quit at once)";

    private final CliContext context;

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "The model file (.fmnist, or a Keras .h5/.keras file).")
    Path modelFile;

    @Mixin
    ImportOptions imports;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend to run the model on (default: the one that trained it).")
    String backend;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token required by POST /v1/predict (default: FMNIST_TOKEN; none if unset).")
    String token;

    @Option(names = "--cors", paramLabel = "ORIGIN",
            description = "Allow cross-origin requests from this origin, such as https://example.com (default: off).")
    String cors;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the Fashion-MNIST files, for the page's sample images (default: the usual "
                + "places; no samples if absent).")
    Path data;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Most pictures per model call when batching concurrent requests (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--batch-delay", paramLabel = "MS", defaultValue = "2",
            description = "How long a batch waits for more pictures, in milliseconds, 0 to take only those already "
                + "waiting (default: ${DEFAULT-VALUE}).")
    double batchDelay;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port must be 0 to 65535, got " + port);
        }
        if (batchSize < 1 || batchSize > 1024) {
            throw new InvalidInputException("--batch-size must be 1 to 1024, got " + batchSize);
        }
        if (!(batchDelay >= 0 && batchDelay <= 1000)) {
            throw new InvalidInputException("--batch-delay must be 0 to 1000 ms, got " + batchDelay);
        }
        Optional<String> bearer = Optional.ofNullable(token).or(() -> Optional.ofNullable(context.env().get("FMNIST_TOKEN")))
                .filter(t -> !t.isBlank());
        ServeSettings settings = ServeSettings.defaults().withAddress(host, port).withToken(bearer)
                .withCorsOrigin(Optional.ofNullable(cors).filter(c -> !c.isBlank()))
                .withBatching(batchSize, Duration.ofNanos(Math.round(batchDelay * 1e6)));
        PrintStream out = context.out();
        try (LoadedModel loaded = LoadedModel.load(context, modelFile, backend, imports.readOptions(context))) {
            ServedModel model = new ServedModel(loaded.path().getFileName().toString(), loaded.saved().spec(),
                    loaded.saved().provenance(), loaded.backend().name(), loaded.model());
            TestSamples samples = samples();
            StopSignal stop = new StopSignal();
            try (InterruptToStop signals = InterruptToStop.install(stop, context.err(), ACTION);
                    FmnistServer server = start(model, samples, settings)) {
                out.println("Model: " + loaded.path() + " on " + loaded.backend().name() + " (" + loaded.describe() + ")");
                double accuracy = model.testAccuracy();
                if (!Double.isNaN(accuracy)) {
                    out.println(String.format(Locale.ROOT, "Test accuracy: %.4f", accuracy));
                }
                out.println("Sample images: " + (samples.size() == 0 ? "none (no dataset found)" : samples.size()));
                out.println("Bearer token: " + (bearer.isPresent() ? "required on POST /v1/predict" : "none"));
                out.println("Listening on " + server.url() + "/ (Ctrl-C to stop)");
                out.flush();
                while (!stop.requested()) {
                    Thread.sleep(50);
                }
                server.stop();
                out.println("Stopped.");
                out.flush();
            }
            return 0;
        }
    }

    private static FmnistServer start(ServedModel model, TestSamples samples, ServeSettings settings) {
        try {
            return FmnistServer.start(model, samples, settings, System.err);
        } catch (FmnistException e) {
            throw e;
        } catch (RuntimeException e) {
            // Javalin reports a busy port or a bad address as an unchecked exception with a readable message.
            throw new FmnistException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private TestSamples samples() {
        try {
            return TestSamples.firstOfEachClass(context.loadData(data).test());
        } catch (FmnistException e) {
            if (data != null) {
                throw e;
            }
            return TestSamples.none();
        }
    }
}
