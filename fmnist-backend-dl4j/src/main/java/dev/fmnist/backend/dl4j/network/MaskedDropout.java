package dev.fmnist.backend.dl4j.network;

import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J dropout that multiplies by the mask the session set for the step instead of drawing its own.
 * DL4J's {@code Dropout} takes a retain probability and draws from ND4J's generator; with the API's masks
 * (see {@code DropoutMasks}) every backend drops the same elements of the same batch, bit for bit. DL4J
 * clones layer configurations when it builds a network, so the mask lives in a shared {@link Slot}.
 */
final class MaskedDropout implements IDropout {
    private static final long serialVersionUID = 1L;

    /** Where the session puts the step's mask, shaped like the layer's (DL4J-ordered) input. */
    static final class Slot {
        private INDArray mask;

        void set(INDArray value) {
            mask = value;
        }

        INDArray get() {
            if (mask == null) {
                throw new IllegalStateException("no dropout mask was set for this training step");
            }
            return mask;
        }
    }

    private final transient Slot slot;

    MaskedDropout(Slot slot) {
        this.slot = slot;
    }

    @Override
    public INDArray applyDropout(INDArray input, INDArray result, int iteration, int epoch,
            LayerWorkspaceMgr workspaceMgr) {
        return input.mul(slot.get(), result);
    }

    @Override
    public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
        return gradAtOutput.mul(slot.get(), gradAtInput);
    }

    @Override
    public void clear() {
        // The mask belongs to the session, which replaces it every step.
    }

    @Override
    public IDropout clone() {
        return new MaskedDropout(slot);
    }
}
