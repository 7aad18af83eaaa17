package dev.fmnist.backend.pure.optim;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.training.OptimizerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Moves an {@link Optimizer}'s state to and from the API's portable {@link OptimizerState}. */
public final class StateTransfer {

    private StateTransfer() {
    }

    /**
     * The optimizer's state in the portable layout.
     *
     * @param name the optimizer's Keras name
     * @param layouts one per tensor, in the optimizer's tensor order
     */
    public static OptimizerState export(String name, Optimizer optimizer, List<SlotLayout> layouts) {
        List<Tensor> slots = new ArrayList<>();
        List<String> names = optimizer.slotNames();
        for (int t = 0; t < layouts.size(); t++) {
            for (int s = 0; s < names.size(); s++) {
                slots.add(layouts.get(t).toPortable(names.get(s), optimizer.slot(s, t)));
            }
        }
        return new OptimizerState(name, optimizer.steps(), optimizer.learningRate(), slots);
    }

    /**
     * Loads a portable state into the optimizer.
     *
     * @throws InvalidInputException if it belongs to another optimizer or does not fit the network
     */
    public static void restore(String name, Optimizer optimizer, List<SlotLayout> layouts, OptimizerState state) {
        if (!state.optimizer().equals(name)) {
            throw new InvalidInputException("the saved optimizer state is " + state.optimizer()
                    + "'s, but training uses " + name);
        }
        List<String> names = optimizer.slotNames();
        if (state.slots().size() != names.size() * layouts.size()) {
            throw new InvalidInputException("the saved " + name + " state has " + state.slots().size()
                    + " tensors; this optimizer and network need " + names.size() * layouts.size());
        }
        for (int t = 0; t < layouts.size(); t++) {
            SlotLayout layout = layouts.get(t);
            for (int s = 0; s < names.size(); s++) {
                Tensor saved = state.slot(layout.name(), names.get(s));
                if (!Arrays.equals(saved.shape(), layout.shape())) {
                    throw new InvalidInputException("saved optimizer tensor " + saved.name() + " has shape "
                            + Arrays.toString(saved.shape()) + "; the network needs " + Arrays.toString(layout.shape()));
                }
                layout.fromPortable(saved.data(), optimizer.slot(s, t));
            }
        }
        optimizer.restoreSteps(state.iterations());
        optimizer.setLearningRate(state.learningRate());
    }
}
