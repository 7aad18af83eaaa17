package dev.fmnist.api.model;

import dev.fmnist.api.error.UnsupportedModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a backend can run, per layer type and option, known before anything is trained or loaded (and,
 * from the provider, before natives load). {@link #problem(ModelSpec)} names the first layer or option it
 * cannot run; {@link #require(ModelSpec, String)} turns that into {@link UnsupportedModelException}.
 * {@link dev.fmnist.api.training.SessionTrainer} checks it before drawing initial weights.
 */
public final class Capabilities {

    /**
     * Checks one layer's options. Returns {@code null} when the backend runs them, else the option it cannot
     * run, in words, such as {@code "padding 'same'"} or {@code "activation 'softmax' on a hidden layer"}.
     */
    @FunctionalInterface
    public interface Rule<T extends LayerSpec> {
        String unsupported(T layer, LayerNode node, boolean last);
    }

    private record Entry(String note, Rule<LayerSpec> rule) {
    }

    private final Map<Class<? extends LayerSpec>, Entry> layers;
    private final List<Class<? extends LayerSpec>> order;
    private final boolean anyInputRange;

    private Capabilities(Map<Class<? extends LayerSpec>, Entry> layers, boolean anyInputRange) {
        this.layers = Map.copyOf(layers);
        this.order = List.copyOf(layers.keySet());
        this.anyInputRange = anyInputRange;
    }

    /** A builder that allows nothing yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What every backend ran before other layer types existed: Flatten and Dense (with a bias, softmax only
     * on the last layer), pixels in {@code [0, 1]}. The default for providers that say nothing.
     */
    public static Capabilities denseStacks() {
        return builder().allow(LayerSpec.Flatten.class)
                .allow(LayerSpec.Dense.class, "with a bias; softmax only last", (d, node, last) ->
                        !d.useBias() ? "use_bias=false"
                                : d.activation() == Activation.SOFTMAX && !last ? "activation 'softmax' on a hidden layer"
                                : null)
                .build();
    }

    /** The first layer or option this backend cannot run, in a sentence naming the layer; empty if none. */
    public Optional<String> problem(ModelSpec spec) {
        if (!anyInputRange && !spec.inputRange().isUnit()) {
            return Optional.of("input rescaling " + spec.inputRange() + " (a Keras Rescaling layer) is not supported");
        }
        List<LayerNode> nodes = spec.nodes();
        for (LayerNode node : nodes) {
            Entry e = layers.get(node.layer().getClass());
            if (e == null) {
                return Optional.of(node.describe() + ": " + node.layer().kerasClass() + " layers are not supported"
                        + " (supported: " + String.join(", ", layerNames()) + ")");
            }
            String option = e.rule().unsupported(node.layer(), node, node.index() == nodes.size() - 1);
            if (option != null) {
                return Optional.of(node.describe() + ": " + option + " is not supported");
            }
        }
        return Optional.empty();
    }

    /** Whether the backend runs {@code spec}. */
    public boolean supports(ModelSpec spec) {
        return problem(spec).isEmpty();
    }

    /** @throws UnsupportedModelException naming the backend, the layer and the option */
    public void require(ModelSpec spec, String backend) {
        Optional<String> p = problem(spec);
        if (p.isPresent()) {
            throw new UnsupportedModelException("backend '" + backend + "' cannot run model '" + spec.name() + "': "
                    + p.get());
        }
    }

    /** Whether a layer type is supported at all (with some options). */
    public boolean allows(Class<? extends LayerSpec> type) {
        return layers.containsKey(type);
    }

    /** Keras class names of the supported layer types, in the order they were allowed. */
    public List<String> layerNames() {
        List<String> out = new ArrayList<>();
        for (Class<? extends LayerSpec> c : order) {
            out.add(c.getSimpleName().equals("ActivationLayer") ? "Activation" : c.getSimpleName());
        }
        return out;
    }

    /** One entry per supported layer type, with its restrictions: {@code Dense (with a bias; ...)}. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        List<String> names = layerNames();
        for (int i = 0; i < order.size(); i++) {
            String note = layers.get(order.get(i)).note();
            out.add(note == null ? names.get(i) : names.get(i) + " (" + note + ")");
        }
        if (anyInputRange) {
            out.add("Rescaling");
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(", ", describe());
    }

    /** Builds {@link Capabilities}. */
    public static final class Builder {
        private final Map<Class<? extends LayerSpec>, Entry> layers = new LinkedHashMap<>();
        private boolean anyInputRange;

        private Builder() {
        }

        /** Allows a layer type with every option. */
        public <T extends LayerSpec> Builder allow(Class<T> type) {
            return allow(type, null, (l, n, last) -> null);
        }

        /** Allows a layer type with the options {@code rule} accepts; {@code note} says which, for listings. */
        @SuppressWarnings("unchecked")
        public <T extends LayerSpec> Builder allow(Class<T> type, String note, Rule<T> rule) {
            layers.put(type, new Entry(note, (Rule<LayerSpec>) rule));
            return this;
        }

        /** Allows any {@link InputRange} (the backend rescales its input). */
        public Builder anyInputRange() {
            anyInputRange = true;
            return this;
        }

        /** The capabilities. */
        public Capabilities build() {
            return new Capabilities(layers, anyInputRange);
        }
    }
}
