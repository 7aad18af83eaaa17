package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.data.Batch;
import dev.fmnist.api.training.StepContext;
import dev.fmnist.api.training.StepMetrics;
import dev.fmnist.backend.pure.nn.SoftmaxCrossEntropy;
import dev.fmnist.backend.pure.optim.Optimizer;
import dev.fmnist.backend.pure.parallel.WorkerPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sequence of {@link Op}s ending in class logits (the final softmax is folded into the loss), its
 * parameters, and buffers for batches of a fixed capacity, all allocated by {@link #open}: a step or a
 * prediction allocates nothing. One training step is the forward pass in training mode, sparse
 * categorical cross-entropy from the logits, then each op's backward pass from the top, which updates
 * the op's parameters as soon as their gradients are complete (every op below needs only its own).
 */
public final class LayerNetwork {
    private final List<Op> ops;
    private final Op[] chain;
    private int runFrom;
    private int runTo;
    private final Exec.Item depthFirst = this::depthFirst;
    private final List<Param> params = new ArrayList<>();
    private final List<Param> trainable = new ArrayList<>();
    private final int inputSize;
    private final int classes;
    private int capacity;
    private boolean trains;
    private float[] input;
    private final double[] exps;
    private Exec exec;
    private final float inputScale;
    private final float inputOffset;

    /** @param ops the layers, input first; the last one's output are the logits */
    public LayerNetwork(List<Op> ops) {
        this(ops, 1f, 0f);
    }

    /**
     * A network whose inputs are {@code scale * x + offset} for fmnist's pixels {@code x} in [0, 1] (a model
     * trained on other pixel ranges).
     */
    public LayerNetwork(List<Op> ops, float scale, float offset) {
        this.inputScale = scale;
        this.inputOffset = offset;
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one op");
        }
        this.ops = List.copyOf(ops);
        this.chain = ops.toArray(new Op[0]);
        for (int i = 1; i < ops.size(); i++) {
            if (!ops.get(i).in.equals(ops.get(i - 1).out)) {
                throw new IllegalArgumentException(ops.get(i).name + " expects " + ops.get(i).in + " but gets "
                        + ops.get(i - 1).out);
            }
        }
        for (Op op : ops) {
            for (Param p : op.params()) {
                params.add(p);
                if (p.trainable) {
                    p.slot = trainable.size();
                    trainable.add(p);
                }
            }
        }
        this.inputSize = ops.get(0).in.size();
        this.classes = ops.get(ops.size() - 1).out.size();
        this.exps = new double[classes];
    }

    /** The ops, input first. */
    public List<Op> ops() {
        return ops;
    }

    /** Every parameter tensor in Keras's order, non-trainable ones included. */
    public List<Param> params() {
        return params;
    }

    /** The sizes of the trainable tensors, in the order the optimizer indexes them. */
    public int[] trainableSizes() {
        int[] sizes = new int[trainable.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = trainable.get(i).data.length;
        }
        return sizes;
    }

    /** The parameter named {@code name}, or null. */
    public Param param(String name) {
        for (Param p : params) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The parameters by name (shared arrays). */
    public Map<String, float[]> values() {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (Param p : params) {
            m.put(p.name, p.data);
        }
        return m;
    }

    /**
     * Allocates every buffer for training on batches of up to {@code capacity} samples, computed on
     * {@code exec}. Ops below the first one with parameters get no input gradient (nor does any op of a
     * network opened for inference).
     */
    public void open(int capacity, Exec exec) {
        open(capacity, exec, true);
    }

    /**
     * Allocates only the buffers of the forward pass in inference mode, for a network that will only
     * predict: no gradients (of the activations or the parameters), no saved activations, one im2col
     * buffer per thread instead of the batch's (a fraction of what {@link #open} allocates for a
     * convolutional network).
     */
    public void openForInference(int capacity, Exec exec) {
        open(capacity, exec, false);
    }

    private void open(int capacity, Exec exec, boolean training) {
        if (training) {
            for (Param p : trainable) {
                p.allocateGradient();
            }
        }
        this.trains = training;
        this.capacity = capacity;
        this.exec = exec;
        input = new float[capacity * inputSize];
        float[] x = input;
        float[] dx = null;
        boolean below = false;
        for (Op op : ops) {
            op.bind(x, below && training ? dx : null, capacity, exec.participants, training);
            below |= !op.params().isEmpty();
            x = op.y;
            dx = op.dy;
        }
    }

    /** The batch capacity given to {@link #open}. */
    public int capacity() {
        return capacity;
    }

    /** Sets where training is (dropout masks are drawn from it). */
    public void context(StepContext context) {
        exec.context = context;
    }

    /** Runs the forward pass on {@code n} samples already in place; {@code training} selects the mode. */
    private void forward(int n, boolean training) {
        if (training && !trains) {
            throw new IllegalStateException("the network was opened for inference only");
        }
        exec.n = n;
        exec.training = training;
        exec.optimizer = null;
        int i = 0;
        while (i < chain.length) {
            int j = i;
            while (j < chain.length && chain[j].beginSampleWise(exec)) {
                j++;
            }
            if (j - i >= 2) {
                runFrom = i;
                runTo = j;
                exec.forEach(n, 1, depthFirst);
                i = j;
            } else {
                chain[i].forward(exec);
                i++;
            }
        }
    }

    /** Sample {@code s} through the run of sample-wise ops: its activations stay in cache from op to op. */
    private void depthFirst(int s, int participant) {
        for (int k = runFrom; k < runTo; k++) {
            chain[k].forwardSample(s, participant);
        }
    }

    /** One optimisation step; reports the batch's loss sum and correct count (before the update). */
    public void step(Batch batch, StepMetrics metrics, Optimizer optimizer) {
        int n = batch.count();
        if (n > capacity) {
            throw new IllegalArgumentException("batch of " + n + " exceeds the capacity " + capacity);
        }
        copyInput(batch.images(), 0, n);
        step(n, batch.labels(), metrics, optimizer);
    }

    /** {@link #step(Batch, StepMetrics, Optimizer)} on inputs already copied with {@link #input()}. */
    public void step(int n, int[] labels, StepMetrics metrics, Optimizer optimizer) {
        forward(n, true);
        Op last = ops.get(ops.size() - 1);
        double scale = 1.0 / n;
        double lossSum = 0;
        int correct = 0;
        for (int s = 0; s < n; s++) {
            int off = s * classes;
            lossSum += SoftmaxCrossEntropy.lossAndGradient(last.y, off, classes, labels[s], scale, last.dy, off, exps);
            correct += argmax(last.y, off) == labels[s] ? 1 : 0;
        }
        optimizer.beginStep();
        exec.optimizer = optimizer;
        for (int i = ops.size() - 1; i >= 0; i--) {
            ops.get(i).backward(exec);
        }
        exec.optimizer = null;
        if (metrics != null) {
            metrics.set(lossSum, correct);
        }
    }

    private void copyInput(float[] images, int first, int n) {
        System.arraycopy(images, first * inputSize, input, 0, n * inputSize);
        if (inputScale != 1f || inputOffset != 0f) {
            for (int i = 0; i < n * inputSize; i++) {
                input[i] = input[i] * inputScale + inputOffset;
            }
        }
    }

    /** The input buffer ({@code capacity x inputSize}), for callers that fill it themselves. */
    public float[] input() {
        return input;
    }

    /** The logits of the last forward pass. */
    float[] logits() {
        return ops.get(ops.size() - 1).y;
    }

    private int argmax(float[] z, int off) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (z[off + c] > z[off + best]) {
                best = c;
            }
        }
        return best;
    }

    /** Class probabilities of {@code count} inputs, in inference mode, {@link #capacity} at a time. */
    public void predict(float[] images, int count, float[] probabilities) {
        float[] z = logits();
        for (int s0 = 0; s0 < count; s0 += capacity) {
            int n = Math.min(capacity, count - s0);
            copyInput(images, s0, n);
            forward(n, false);
            for (int s = 0; s < n; s++) {
                SoftmaxCrossEntropy.probabilities(z, s * classes, classes, probabilities, (s0 + s) * classes, exps);
            }
        }
    }

    /** The mean loss and the logits' gradient are not needed: the forward pass alone, in training mode or not. */
    void forwardOnly(int n, boolean training) {
        forward(n, training);
    }
}
