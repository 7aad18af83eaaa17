package dev.fmnist.backend.pure;

import dev.fmnist.api.Fmnist;
import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.SessionTrainer;
import dev.fmnist.api.training.Trainer;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.nn.DenseNetwork;
import java.util.Objects;

/**
 * The pure backend: trains with {@link PureSession} under the shared {@link SessionTrainer} and loads
 * portable weights into {@link PureModel}s. Holds no resources itself: sessions and models own their
 * threads and release them when closed.
 */
public final class PureBackend implements Backend {
    private final Kernels kernels;

    /** A backend computing with {@code kernels}. */
    public PureBackend(Kernels kernels) {
        this.kernels = Objects.requireNonNull(kernels, "kernels");
    }

    @Override
    public String name() {
        return PureBackendProvider.NAME;
    }

    @Override
    public String version() {
        return Fmnist.VERSION;
    }

    /** The kernels in use, such as {@code vector-512} or {@code scalar}. */
    public String kernels() {
        return kernels.name();
    }

    @Override
    public Capabilities capabilities() {
        return PureBackendProvider.CAPABILITIES;
    }

    @Override
    public Trainer trainer() {
        return new SessionTrainer(name(), version(), capabilities(),
                (spec, initial, config) -> new PureSession(spec, initial, config, kernels));
    }

    @Override
    public Model load(ModelSpec spec, Weights weights, Provenance provenance) {
        capabilities().require(spec, name());
        DenseNetwork net = new DenseNetwork(spec, weights, kernels);
        return new PureModel(net, provenance, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void close() {
        // Nothing to release: threads belong to sessions and models.
    }
}
