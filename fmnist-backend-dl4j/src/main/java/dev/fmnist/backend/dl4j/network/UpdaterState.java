package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.ParameterSpec;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.training.OptimizerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's updater state in the API's portable layout, for every layer type.
 *
 * <p>DL4J groups the flat parameter vector into updater blocks: runs of parameters with the same updater.
 * A block holding {@code L} parameters keeps its state slot after slot ({@code [m | v]} for Adam, {@code [m |
 * v | vHat]} for AMSGrad, {@code [v]} for Nesterovs), each slot laid out like that stretch of the parameter
 * vector; BatchNormalization's moving statistics sit in blocks without state. So a slot, spread back over
 * the parameter vector, has each parameter's values where the parameter has them, and maps to Keras's
 * layout exactly as the parameter does ({@link ParamBinding}, {@link KerasLayouts}). Only trainable
 * parameters have state, as in Keras. The step count is the network's iteration count.
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

    /** The state in the portable layout: per trainable parameter, its slots in order. */
    public static OptimizerState export(MultiLayerNetwork net, ModelSpec spec, LayerPlan plan,
            OptimizerConfig optimizer, double learningRate) {
        List<String> slots = slots(optimizer);
        List<Tensor> out = new ArrayList<>();
        if (!slots.isEmpty()) {
            float[][] spread = spread(net, slots.size());
            Map<String, ParamBinding> bindings = bindings(plan);
            for (ParameterSpec p : spec.parameters()) {
                if (!p.trainable()) {
                    continue;
                }
                ParamBinding b = bindings.get(p.name());
                for (int s = 0; s < slots.size(); s++) {
                    out.add(new Tensor(p.name() + "/" + slots.get(s), p.shape(), read(net, b, spread[s])));
                }
            }
        }
        return new OptimizerState(optimizer.name(), net.getIterationCount(), learningRate, out);
    }

    /** Loads a portable state. @throws InvalidInputException if it does not fit */
    public static void restore(MultiLayerNetwork net, ModelSpec spec, LayerPlan plan, OptimizerConfig optimizer,
            OptimizerState state) {
        if (!state.optimizer().equals(optimizer.name())) {
            throw new InvalidInputException("the saved optimizer state is " + state.optimizer()
                    + "'s, but training uses " + optimizer.name());
        }
        if (state.iterations() > Integer.MAX_VALUE) {
            throw new InvalidInputException("the dl4j backend counts at most " + Integer.MAX_VALUE + " steps");
        }
        List<String> slots = slots(optimizer);
        if (!slots.isEmpty()) {
            float[][] spread = new float[slots.size()][(int) net.numParams()];
            Map<String, ParamBinding> bindings = bindings(plan);
            for (ParameterSpec p : spec.parameters()) {
                if (!p.trainable()) {
                    continue;
                }
                for (int s = 0; s < slots.size(); s++) {
                    Tensor saved = state.slot(p.name(), slots.get(s));
                    if (!Arrays.equals(saved.shape(), p.shape())) {
                        throw new InvalidInputException("saved optimizer tensor " + saved.name() + " has shape "
                                + Arrays.toString(saved.shape()) + "; the network needs "
                                + Arrays.toString(p.shape()));
                    }
                    write(net, bindings.get(p.name()), saved.data(), spread[s]);
                }
            }
            gather(net, spread);
        }
        net.setIterationCount((int) state.iterations());
    }

    private static Map<String, ParamBinding> bindings(LayerPlan plan) {
        Map<String, ParamBinding> out = new HashMap<>();
        plan.params().forEach(b -> out.put(b.name(), b));
        return out;
    }

    /** Each slot of every updater block, spread over the parameter vector (zero where there is no state). */
    private static float[][] spread(MultiLayerNetwork net, int slots) {
        int n = (int) net.numParams();
        float[][] out = new float[slots][n];
        for (UpdaterBlock block : blocks(net, slots)) {
            INDArray view = block.getUpdaterView();
            if (view == null || view.length() == 0) {
                continue;
            }
            float[] state = view.toFloatVector();
            int start = block.getParamOffsetStart();
            int length = block.getParamOffsetEnd() - start;
            for (int s = 0; s < slots; s++) {
                System.arraycopy(state, s * length, out[s], start, length);
            }
        }
        return out;
    }

    /** The inverse of {@link #spread}: writes each block's stretch of every slot into its updater view. */
    private static void gather(MultiLayerNetwork net, float[][] spread) {
        int slots = spread.length;
        for (UpdaterBlock block : blocks(net, slots)) {
            INDArray view = block.getUpdaterView();
            if (view == null || view.length() == 0) {
                continue;
            }
            int start = block.getParamOffsetStart();
            int length = block.getParamOffsetEnd() - start;
            float[] state = new float[slots * length];
            for (int s = 0; s < slots; s++) {
                System.arraycopy(spread[s], start, state, s * length, length);
            }
            view.assign(Nd4j.create(state, view.shape(), 'c'));
        }
    }

    /** The updater blocks, each checked to hold {@code slots} values per parameter or none. */
    private static List<UpdaterBlock> blocks(MultiLayerNetwork net, int slots) {
        Updater updater = net.getUpdater(true);
        if (!(updater instanceof BaseMultiLayerUpdater<?> multi)) {
            throw new UnsupportedModelException("the dl4j backend cannot read this network's updater ("
                    + (updater == null ? "none" : updater.getClass().getSimpleName()) + ")");
        }
        for (UpdaterBlock block : multi.getUpdaterBlocks()) {
            INDArray view = block.getUpdaterView();
            long length = block.getParamOffsetEnd() - block.getParamOffsetStart();
            if (view != null && view.length() != 0 && view.length() != slots * length) {
                throw new UnsupportedModelException("the dl4j backend keeps its optimizer state in a layout it "
                        + "cannot export here (" + view.length() + " values for " + length + " parameters)");
            }
        }
        return multi.getUpdaterBlocks();
    }

    /** Where a parameter's values start in the flat parameter vector. */
    private static int offset(MultiLayerNetwork net, INDArray param) {
        return (int) (param.offset() - net.params().offset());
    }

    /** A parameter's stretch of a spread slot, in the portable layout. */
    private static float[] read(MultiLayerNetwork net, ParamBinding b, float[] spread) {
        INDArray param = net.getParam(b.key());
        int at = offset(net, param);
        float[] stretch = Arrays.copyOfRange(spread, at, at + (int) param.length());
        INDArray shaped = Nd4j.create(stretch, param.shape(), param.ordering());
        return b.toPortable(Nd4j.toFlattened('c', shaped).toFloatVector());
    }

    /** Writes portable values into a parameter's stretch of a spread slot, in the parameter's own order. */
    private static void write(MultiLayerNetwork net, ParamBinding b, float[] portable, float[] spread) {
        INDArray param = net.getParam(b.key());
        int at = offset(net, param);
        INDArray shaped = Nd4j.create(b.toDl4j(portable), param.shape(), 'c').dup(param.ordering());
        float[] stretch = shaped.data().asFloat();
        System.arraycopy(stretch, 0, spread, at, (int) param.length());
    }
}
