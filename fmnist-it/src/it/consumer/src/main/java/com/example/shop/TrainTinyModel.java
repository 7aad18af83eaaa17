package com.example.shop;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.InMemoryDataset;
import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import java.nio.file.Path;

/**
 * A consumer of the fmnist artifacts: trains on ten synthetic pictures (class k has a bright band at
 * row 2k), saves the model, loads it back through the backend found by ServiceLoader and checks that
 * it learned the bands.
 */
public final class TrainTinyModel {
    public static void main(String[] args) {
        int n = 10;
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int k = 0; k < n; k++) {
            labels[k] = (byte) k;
            for (int c = 0; c < 28; c++) {
                pixels[k * 784 + (2 * k + 3) * 28 + c] = (byte) 255;
            }
        }
        InMemoryDataset data = new InMemoryDataset("bands", pixels, labels);
        Path out = Path.of(args[0]);
        try (BackendRegistry registry = BackendRegistry.load()) {
            Backend backend = registry.backend("pure");
            TrainingJob job = TrainingJob.of(ModelSpec.mlp(), data,
                    TrainingConfig.defaults().withEpochs(40).withBatchSize(10).withLearningRate(0.01));
            TrainingResult result = backend.trainer().fit(job);
            try (Model model = result.model()) {
                ModelFile.write(out, SavedModel.of(model, result.history()));
            }
            SavedModel saved = ModelFile.read(out);
            try (Model loaded = backend.load(saved.spec(), saved.weights(), saved.provenance())) {
                float[] p = loaded.predict(data.scaledImages(0, n), n);
                for (int k = 0; k < n; k++) {
                    int best = Prediction.argmax(p, k);
                    if (best != k) {
                        throw new IllegalStateException("band " + k + " classified as " + best);
                    }
                }
            }
        }
        System.out.println("consumer: trained, saved, reloaded and classified all " + n + " bands");
    }
}
