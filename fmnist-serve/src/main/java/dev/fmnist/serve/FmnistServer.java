package dev.fmnist.serve;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidDataException;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.PictureDecoder;
import dev.fmnist.data.classify.PicturePreparer;
import dev.fmnist.serve.batch.MicroBatcher;
import dev.fmnist.serve.batch.PreparationQueue;
import dev.fmnist.serve.http.ApiException;
import dev.fmnist.serve.http.ErrorBody;
import dev.fmnist.serve.http.JsonErrorHandler;
import dev.fmnist.serve.http.PictureRequests;
import dev.fmnist.serve.http.UnreadBody;
import dev.fmnist.serve.metrics.ServerMetrics;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP server of {@code fmnist serve} (Javalin on Jetty 12): the prediction API, health, readiness,
 * metrics, the OpenAPI document and the web page, on one model shared by all requests: pictures are
 * prepared by a {@link PreparationQueue} and predicted in batches by a {@link MicroBatcher}. {@link #stop()}
 * stops accepting connections, lets requests in flight finish (up to the stop timeout) and then stops the
 * model thread.
 */
public final class FmnistServer implements AutoCloseable {
    /** A refused body up to this many times the limit is read to its end before the answer. */
    private static final long DISCARD_FACTOR = 4;
    private static final Set<String> ENDPOINTS = Set.of("/", "/app.js", "/style.css", "/healthz", "/readyz",
            "/metrics", "/openapi.json", "/v1/model", "/v1/samples", "/v1/predict");

    private final ServedModel model;
    private final ServeSettings settings;
    private final PrintStream log;
    private final ServerMetrics metrics;
    private final PreparationQueue preparation;
    private final MicroBatcher batcher;
    private final PredictEndpoint predict;
    private final String modelJson;
    private final String samplesJson;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Javalin app;

    private FmnistServer(ServedModel model, TestSamples samples, ServeSettings settings, PrintStream log) {
        this.model = model;
        this.settings = settings;
        this.log = log;
        this.metrics = new ServerMetrics(model.spec().name(), model.backend(), model.spec().parameterCount());
        Classifier classifier = Classifier.of(model.predictor()).withPreparer(PicturePreparer.defaults()
                .withDecoder(PictureDecoder.withMaxPixels(settings.maxPixels())));
        this.batcher = new MicroBatcher(classifier, settings.maxBatch(), settings.maxBatchDelay(), metrics::batch);
        this.preparation = new PreparationQueue(classifier, Runtime.getRuntime().availableProcessors());
        this.predict = new PredictEndpoint(classifier, preparation, batcher, new PictureRequests(settings.maxBodyBytes(),
                settings.maxPictures()), settings.token(), model);
        this.modelJson = Json.write(model.toJson(settings.token().isPresent()));
        this.samplesJson = Json.write(samples.toJson());
        this.app = Javalin.create(this::configure);
    }

    /**
     * Starts a server, warms the model up and returns once it is ready.
     *
     * @param log where to write one line per failed request (5xx)
     */
    public static FmnistServer start(ServedModel model, TestSamples samples, ServeSettings settings, PrintStream log) {
        FmnistServer server = new FmnistServer(model, samples, settings, log);
        server.app.start();
        server.predict.warmUp();
        server.ready.set(true);
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The base address, such as {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.prefer405over404 = true;
        config.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes()),
                SizeUnit.BYTES);
        config.jetty.modifyServer(server -> {
            // Javalin attaches its handler inside this one: stopping then waits for requests in flight.
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(settings.stopTimeout().toMillis());
            server.setErrorHandler(new JsonErrorHandler());
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            connector.setIdleTimeout(settings.idleTimeout().toMillis());
            return connector;
        });
        settings.corsOrigin().ifPresent(origin -> config.bundledPlugins.enableCors(cors ->
                cors.addRule(rule -> rule.allowHost(origin))));
        config.requestLogger.http((ctx, ms) -> metrics.request(ENDPOINTS.contains(ctx.path()) ? ctx.path() : "other",
                ctx.method().name(), ctx.statusCode(), Duration.ofNanos((long) (ms * 1_000_000))));
        routes(config);
    }

    private void routes(JavalinConfig config) {
        var r = config.routes;
        r.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
        r.get("/", ctx -> WebPage.serve(ctx, "index.html"));
        r.get("/app.js", ctx -> WebPage.serve(ctx, "app.js"));
        r.get("/style.css", ctx -> WebPage.serve(ctx, "style.css"));
        r.get("/healthz", ctx -> json(ctx, 200, "{\"status\":\"ok\"}"));
        r.get("/readyz", ctx -> {
            boolean up = ready.get() && !stopped.get();
            json(ctx, up ? 200 : 503, up ? "{\"status\":\"ready\"}" : "{\"status\":\""
                    + (stopped.get() ? "stopping" : "starting") + "\"}");
        });
        r.get("/metrics", ctx -> ctx.contentType(ServerMetrics.CONTENT_TYPE).result(metrics.scrape()));
        r.get("/openapi.json", ctx -> WebPage.serve(ctx, "openapi.json"));
        r.get("/v1/model", ctx -> json(ctx, 200, modelJson));
        r.get("/v1/samples", ctx -> json(ctx, 200, samplesJson));
        // Answered on the request's own thread: a client that does not read its answers blocks only that thread
        // (written by the model thread, such an answer stopped every other request; BadInputTest).
        r.post("/v1/predict", ctx -> json(ctx, 200, predict.handle(ctx)));

        r.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"fmnist\"");
            }
            // Refused before or while reading the body: read the rest so the client sees this answer.
            UnreadBody.discard(ctx.req(), DISCARD_FACTOR * settings.maxBodyBytes());
            error(ctx, e.status(), e.error(), e.getMessage());
        });
        r.exception(InvalidDataException.class, (e, ctx) -> error(ctx, 400, "invalid_picture", e.getMessage()));
        r.exception(FmnistException.class, (e, ctx) -> error(ctx, 400, "invalid_input", e.getMessage()));
        r.exception(RejectedExecutionException.class, (e, ctx) -> error(ctx, 503, "unavailable", e.getMessage()));
        r.exception(Exception.class, (e, ctx) -> {
            log.println("fmnist serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
            error(ctx, 500, "internal", "the server failed on this request (" + e.getClass().getSimpleName() + ")");
        });
        r.error(404, "*", ctx -> error(ctx, 404, "not_found", "no endpoint " + ctx.method() + " " + ctx.path()
                + "; see /openapi.json"));
        r.error(405, "*", ctx -> error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on "
                + ctx.path()));
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json").result(body);
    }

    private static void error(Context ctx, int status, String code, String detail) {
        json(ctx, status, ErrorBody.of(code, detail));
    }

    /**
     * Stops accepting connections, finishes the requests in flight (up to the stop timeout), then stops the
     * model thread. Idempotent.
     */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            app.stop();
            preparation.close();
            batcher.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
