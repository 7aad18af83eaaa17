package dev.fmnist.serve;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.data.classify.Classification;
import dev.fmnist.data.classify.Classifier;
import dev.fmnist.data.classify.ModelInput;
import dev.fmnist.data.classify.Picture;
import dev.fmnist.serve.batch.MicroBatcher;
import dev.fmnist.serve.batch.PreparationQueue;
import dev.fmnist.serve.http.ApiException;
import dev.fmnist.serve.http.PictureRequests;
import dev.fmnist.serve.http.PredictionJson;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /v1/predict}: checks the token, reads the pictures, has the {@link PreparationQueue} prepare
 * them (which hands each to the batcher as soon as it is ready) and answers with their classifications.
 */
final class PredictEndpoint {
    private static final long ANSWER_TIMEOUT_SECONDS = 30;

    private final Classifier classifier;
    private final PreparationQueue preparation;
    private final MicroBatcher batcher;
    private final PictureRequests requests;
    private final Optional<byte[]> token;
    private final ServedModel model;

    PredictEndpoint(Classifier classifier, PreparationQueue preparation, MicroBatcher batcher,
            PictureRequests requests, Optional<String> token, ServedModel model) {
        this.classifier = classifier;
        this.preparation = preparation;
        this.batcher = batcher;
        this.requests = requests;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.model = model;
    }

    /** Runs the model once through the batcher, so the first request does not pay for its start-up. */
    void warmUp() {
        List<ModelInput> blank = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            blank.add(classifier.prepare(Picture.pixels(new byte[Images.PIXELS], "warm-up")));
        }
        await(batcher.submit(blank));
    }

    /** The JSON answer for a request. @throws ApiException on a refused request */
    String handle(Context ctx) {
        checkToken(ctx);
        int top = top(queryParameter(ctx.queryString(), "top"));
        List<Picture> pictures = requests.read(ctx);
        List<CompletableFuture<ModelInput>> inputs = new ArrayList<>(pictures.size());
        List<CompletableFuture<Prediction>> predictions = new ArrayList<>(pictures.size());
        for (Picture picture : pictures) {
            CompletableFuture<ModelInput> input = preparation.submit(picture);
            inputs.add(input);
            predictions.add(input.thenCompose(in -> batcher.submit(List.of(in)).get(0)));
        }
        List<Prediction> predicted = await(predictions);
        List<Classification> results = new ArrayList<>(pictures.size());
        for (int i = 0; i < pictures.size(); i++) {
            results.add(Classification.of(inputs.get(i).join(), predicted.get(i), top));
        }
        return Json.write(PredictionJson.of(model.spec().name(), model.backend(), results));
    }

    private void checkToken(Context ctx) {
        if (token.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        String prefix = "Bearer ";
        if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new ApiException(401, "unauthorized", "this server needs a bearer token: send 'Authorization: "
                    + "Bearer <token>'");
        }
        byte[] given = header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.get())) {
            throw new ApiException(401, "unauthorized", "the bearer token is not valid");
        }
    }

    /**
     * A query parameter, decoded as UTF-8 (Javalin's own lookup decodes with the body's charset, so a
     * picture sent as {@code image/png; charset=binary} would fail).
     */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("invalid_query", "the query parameter " + name + " is not valid "
                            + "URL encoding");
                }
            }
        }
        return null;
    }

    private static int top(String value) {
        if (value == null) {
            return 3;
        }
        try {
            int top = Integer.parseInt(value.strip());
            if (top >= 1 && top <= FashionClass.COUNT) {
                return top;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("invalid_top", "top must be a whole number from 1 to " + FashionClass.COUNT
                + ", got '" + value + "'");
    }

    private static List<Prediction> await(List<CompletableFuture<Prediction>> futures) {
        List<Prediction> out = new ArrayList<>(futures.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_TIMEOUT_SECONDS);
        try {
            for (CompletableFuture<Prediction> f : futures) {
                out.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("the server is stopping");
        } catch (TimeoutException e) {
            throw new ApiException(503, "unavailable", "the model did not answer within " + ANSWER_TIMEOUT_SECONDS
                    + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the model failed: " + cause, cause);
        }
        return out;
    }
}
