package dev.fmnist.backend.tf;

import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.data.testing.CnnRealDataAccuracyKit;

/** Convolutional networks on the real data: the cnn preset, and one epoch of a BatchNormalization and Dropout network. */
class CnnRealDataAccuracyTest extends CnnRealDataAccuracyKit {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
