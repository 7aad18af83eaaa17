package dev.fmnist.keras.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.io.ModelFiles;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.BackendRegistry;
import dev.fmnist.data.testing.RealData;
import dev.fmnist.keras.RoundTripTest;
import dev.fmnist.keras.testing.KerasSamples;
import dev.fmnist.keras.testing.Models;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported ONNX files run by ONNX Runtime give the probabilities fmnist's pure backend gives, within 1e-5. */
class OnnxRuntimeTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @Test
    void theTutorialsKerasModelOnOneThousandTestImages() throws OrtException {
        SavedModel saved = ModelFiles.read(KerasSamples.orSkip(KerasSamples.TUTORIAL_H5));
        Dataset test = RealData.orSkip().test();
        float[] images = test.scaledImages(0, 1000);
        assertThat(maxDifference(saved, images, 1000)).isLessThan(TOLERANCE);
    }

    @Test
    void aCnnWithBatchNormalizationOnOneThousandTestImages() throws OrtException {
        SavedModel saved = Models.of(Models.cnnWithBatchNorm(), 21);
        float[] images = RealData.orSkip().test().scaledImages(0, 1000);
        assertThat(maxDifference(saved, images, 1000)).isLessThan(TOLERANCE);
    }

    @Test
    void theKeras38CnnOnOneThousandTestImages() throws OrtException {
        SavedModel saved = ModelFiles.read(KerasSamples.orSkip(KerasSamples.CNN_KERAS));
        float[] images = RealData.orSkip().test().scaledImages(0, 1000);
        assertThat(maxDifference(saved, images, 1000)).isLessThan(TOLERANCE);
    }

    @Test
    void aCnnWithBatchNormalizationOnSyntheticImages() throws OrtException {
        SavedModel saved = Models.of(Models.cnnWithBatchNorm(), 22);
        assertThat(maxDifference(saved, Models.synthetic(32), 32)).isLessThan(TOLERANCE);
    }

    @Test
    void anMlpOnSyntheticImages() throws OrtException {
        SavedModel saved = RoundTripTest.model(ModelSpec.mlp(), 11);
        assertThat(maxDifference(saved, Models.synthetic(64), 64)).isLessThan(TOLERANCE);
    }

    @Test
    void aModelOnRawPixelsRescalesInsideTheGraph() throws OrtException {
        SavedModel unit = RoundTripTest.model(ModelSpec.mlp(), 12);
        ModelSpec raw = new ModelSpec("raw", unit.spec().inputShape(), unit.spec().layers(), new InputRange(1, 0));
        SavedModel saved = new SavedModel(raw, unit.weights(), unit.provenance(), unit.history());
        float[] images = Models.synthetic(16);
        float[] onnx = runOnnx(saved, images, 16);
        // The same weights fed p instead of p / 255: compare with the unit model fed 255x the pixels.
        float[] scaled = images.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 255;
        }
        float[] expected = Models.predict(unit, scaled, 16);
        assertThat(maxDifference(onnx, expected)).isLessThan(1e-4);
        assertThat(maxDifference(onnx, Models.predict(unit, images, 16))).isGreaterThan(1e-3);
    }

    static double maxDifference(SavedModel saved, float[] images, int count) throws OrtException {
        return maxDifference(runOnnx(saved, images, count), Models.predict(saved, images, count));
    }

    static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static float[] runOnnx(SavedModel saved, float[] images, int count) throws OrtException {
        byte[] bytes = OnnxExport.bytes(saved);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(bytes, new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(images),
                        new long[] {count, Images.ROWS, Images.COLS});
                OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
            float[][] out = (float[][]) result.get(0).getValue();
            float[] flat = new float[count * FashionClass.COUNT];
            for (int i = 0; i < count; i++) {
                System.arraycopy(out[i], 0, flat, i * FashionClass.COUNT, FashionClass.COUNT);
            }
            return flat;
        }
    }
}
