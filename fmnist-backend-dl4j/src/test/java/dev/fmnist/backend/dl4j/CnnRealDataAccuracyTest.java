package dev.fmnist.backend.dl4j;

import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.data.testing.CnnRealDataAccuracyKit;

/**
 * Convolutional networks on the real data. One epoch of a small BatchNormalization and Dropout network runs
 * in CI; the cnn preset's epochs ({@link ModelSpec#CNN_EPOCHS}) take DL4J far longer than CI allows here (see
 * the README for the measured full run), so that run is opt-in with {@code -Dfmnist.fullCnn=true}.
 */
class CnnRealDataAccuracyTest extends CnnRealDataAccuracyKit {
    @Override
    protected BackendProvider provider() {
        return new Dl4jBackendProvider();
    }

    @Override
    protected boolean presetRunEnabled() {
        return Boolean.getBoolean("fmnist.fullCnn");
    }

    @Override
    protected String presetRunSkipMessage() {
        return "the cnn preset's 8 epochs on dl4j take far longer than CI allows; run with -Dfmnist.fullCnn=true";
    }
}
