package dev.fmnist.backend.pure;

import dev.fmnist.api.Fmnist;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.SessionTrainer;
import dev.fmnist.api.training.Trainer;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.nn.DenseNetwork;
import java.util.List;
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
                (spec, initial, config) -> denseStack(spec) ? new PureSession(spec, initial, config, kernels)
                        : new LayerSession(spec, initial, config, kernels));
    }

    @Override
    public Model load(ModelSpec spec, Weights weights, Provenance provenance) {
        capabilities().require(spec, name());
        int threads = Runtime.getRuntime().availableProcessors();
        if (!denseStack(spec)) {
            weights.checkMatches(spec);
            return new LayerModel(spec, weights, provenance, kernels, threads);
        }
        DenseNetwork net = new DenseNetwork(spec, weights, kernels);
        return new PureModel(net, provenance, threads);
    }

    /**
     * Whether {@code spec} takes the dense-only fast path ({@link DenseNetwork}): Flatten then Dense layers
     * with biases, ReLU or linear hidden, softmax last, pixels in [0, 1]. Every other network runs on the
     * layer engine.
     */
    static boolean denseStack(ModelSpec spec) {
        if (!spec.inputRange().isUnit()) {
            return false;
        }
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            boolean last = i == layers.size() - 1;
            if (l instanceof LayerSpec.Dense d) {
                boolean ok = d.useBias() && (last ? d.activation() == Activation.SOFTMAX
                        : d.activation() == Activation.RELU || d.activation() == Activation.LINEAR);
                if (!ok) {
                    return false;
                }
            } else if (!(l instanceof LayerSpec.Flatten) || i != 0) {
                return false;
            }
        }
        return layers.get(0) instanceof LayerSpec.Flatten || spec.inputShape().rank() == 1;
    }

    @Override
    public void close() {
        // Nothing to release: threads belong to sessions and models.
    }
}
