package dev.fmnist.backend.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.TrainingJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DL4J's {@code MultiLayerNetwork.output} is not thread-safe (it keeps the last input and activations in
 * the layers, and its workspaces per network); a model must still answer eight threads at once exactly
 * as it answers one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentPredictionTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 40;
    private final Dataset test = SyntheticData.test();
    private Backend dl4j;

    @BeforeAll
    void start() {
        dl4j = new Dl4jBackendProvider().create();
    }

    @AfterAll
    void stop() {
        dl4j.close();
    }

    @Test
    void eightThreadsGetTheSingleThreadedAnswers() throws Exception {
        assertConcurrentPredictionsMatch(ModelSpec.mlp());
    }

    void assertConcurrentPredictionsMatch(ModelSpec spec) throws Exception {
        try (Model model = dl4j.trainer().fit(TrainingJob.of(spec, SyntheticData.train().slice(0, 256),
                TrainingConfig.defaults().withEpochs(1).withSeed(5))).model()) {
            // Different images per thread, two threads per batch size (so they would share reused input arrays), so interleaved calls would mix up their outputs.
            List<float[]> inputs = new ArrayList<>();
            List<float[]> expected = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int count = 7 + 13 * (t % 4);
                float[] images = test.scaledImages(t * 40, count);
                inputs.add(images);
                expected.add(model.predict(images, count));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<float[]>>> answers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    float[] images = inputs.get(t);
                    int count = images.length / 784;
                    Callable<List<float[]>> job = () -> {
                        List<float[]> out = new ArrayList<>();
                        for (int r = 0; r < ROUNDS; r++) {
                            out.add(model.predict(images, count));
                        }
                        return out;
                    };
                    answers.add(pool.submit(job));
                }
                for (int t = 0; t < THREADS; t++) {
                    for (float[] answer : answers.get(t).get()) {
                        assertThat(answer).as("thread %d", t).hasSize(expected.get(t).length)
                                .containsExactly(expected.get(t));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(expected.get(0)).hasSize(7 * FashionClass.COUNT);
        }
    }
}
