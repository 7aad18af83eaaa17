package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.training.OptimizerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's updater state in the API's portable layout. With one updater configuration for every layer DL4J
 * keeps one state block: slot after slot ({@code [m | v]} for Adam, {@code [m | v | vHat]} for AMSGrad,
 * {@code [v]} for Nesterovs), each slot laid out like the flat parameter vector (per layer the
 * kernel in column-major order, then the bias). The step count is the network's iteration count.
 */
public final class UpdaterState {

    private UpdaterState() {
    }

    /** Keras's slot names of the state DL4J keeps for an optimizer. */
    static List<String> slots(OptimizerConfig optimizer) {
        if (optimizer instanceof OptimizerConfig.Adam a) {
            return a.amsgrad() ? List.of("momentum", "velocity", "velocity_hat") : List.of("momentum", "velocity");
        }
        if (optimizer instanceof OptimizerConfig.AdamW a) {
            return slots(a.asAdam());
        }
        if (optimizer instanceof OptimizerConfig.Sgd s) {
            return s.momentum() == 0 ? List.of() : List.of("momentum");
        }
        return List.of("velocity");
    }

    /** The state in the portable layout. */
    public static OptimizerState export(MultiLayerNetwork net, ModelSpec spec, OptimizerConfig optimizer,
            double learningRate) {
        List<String> slots = slots(optimizer);
        List<Tensor> out = new ArrayList<>();
        if (!slots.isEmpty()) {
            float[] flat = view(net, slots.size()).toFloatVector();
            long n = net.numParams();
            List<List<Tensor>> perSlot = new ArrayList<>();
            for (int s = 0; s < slots.size(); s++) {
                perSlot.add(toPortable(flat, (int) (s * n), spec, slots.get(s)));
            }
            for (int t = 0; t < perSlot.get(0).size(); t++) {
                for (List<Tensor> slot : perSlot) {
                    out.add(slot.get(t));
                }
            }
        }
        return new OptimizerState(optimizer.name(), net.getIterationCount(), learningRate, out);
    }

    /** Loads a portable state. @throws InvalidInputException if it does not fit */
    public static void restore(MultiLayerNetwork net, ModelSpec spec, OptimizerConfig optimizer,
            OptimizerState state) {
        if (!state.optimizer().equals(optimizer.name())) {
            throw new InvalidInputException("the saved optimizer state is " + state.optimizer()
                    + "'s, but training uses " + optimizer.name());
        }
        List<String> slots = slots(optimizer);
        if (!slots.isEmpty()) {
            INDArray view = view(net, slots.size());
            long n = net.numParams();
            float[] flat = new float[(int) (slots.size() * n)];
            for (int s = 0; s < slots.size(); s++) {
                fromPortable(state, slots.get(s), spec, flat, (int) (s * n));
            }
            view.assign(Nd4j.create(flat, view.shape(), 'c'));
        }
        if (state.iterations() > Integer.MAX_VALUE) {
            throw new InvalidInputException("the dl4j backend counts at most " + Integer.MAX_VALUE + " steps");
        }
        net.setIterationCount((int) state.iterations());
    }

    private static INDArray view(MultiLayerNetwork net, int slots) {
        INDArray view = net.getUpdater(true).getStateViewArray();
        if (view == null || view.length() != slots * net.numParams()) {
            throw new UnsupportedModelException("the dl4j backend keeps its optimizer state in a layout it cannot "
                    + "export here (" + (view == null ? 0 : view.length()) + " values for " + net.numParams()
                    + " parameters)");
        }
        return view;
    }

    private static List<Tensor> toPortable(float[] flat, int offset, ModelSpec spec, String slot) {
        List<Tensor> out = new ArrayList<>();
        int at = offset;
        for (Map.Entry<String, int[]> e : spec.parameterShapes().entrySet()) {
            int[] shape = e.getValue();
            float[] data;
            if (shape.length == 2) {
                int rows = shape[0];
                int cols = shape[1];
                data = new float[rows * cols];
                for (int c = 0; c < cols; c++) {
                    for (int r = 0; r < rows; r++) {
                        data[r * cols + c] = flat[at + c * rows + r];
                    }
                }
            } else {
                data = new float[shape[0]];
                System.arraycopy(flat, at, data, 0, shape[0]);
            }
            at += data.length;
            out.add(new Tensor(e.getKey() + "/" + slot, shape, data));
        }
        return out;
    }

    private static void fromPortable(OptimizerState state, String slot, ModelSpec spec, float[] flat, int offset) {
        int at = offset;
        for (Map.Entry<String, int[]> e : spec.parameterShapes().entrySet()) {
            int[] shape = e.getValue();
            float[] data = state.slot(e.getKey(), slot).data();
            if (data.length != Tensor.elementCount(shape)) {
                throw new InvalidInputException("saved optimizer tensor " + e.getKey() + "/" + slot
                        + " does not fit the network");
            }
            if (shape.length == 2) {
                int rows = shape[0];
                int cols = shape[1];
                for (int c = 0; c < cols; c++) {
                    for (int r = 0; r < rows; r++) {
                        flat[at + c * rows + r] = data[r * cols + c];
                    }
                }
            } else {
                System.arraycopy(data, 0, flat, at, data.length);
            }
            at += data.length;
        }
    }
}
