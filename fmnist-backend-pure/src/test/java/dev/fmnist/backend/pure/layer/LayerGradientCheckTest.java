package dev.fmnist.backend.pure.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fmnist.api.model.Activation;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op's gradients against central finite differences of the mean cross-entropy: the op under test
 * sits between a first convolution (whose kernel gradient checks the op's input gradient) and a dense
 * layer giving four classes. Inputs are continuous random values, so pooling ties do not occur, and the
 * activations around the op are smooth (tanh) except where ReLU itself is tested.
 */
class LayerGradientCheckTest {
    private static final int N = 3;
    private static final int CLASSES = 4;
    private static final float EPS = 5e-4f;

    record Case(String name, Dims input, Function<Dims, List<Op>> middle) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        Dims odd = new Dims(9, 7, 2);
        List<Case> cs = new ArrayList<>();
        cs.add(new Case("conv same 3x3 stride 1", odd,
                d -> List.of(new ConvOp("t", d, 5, 3, 3, 1, 1, true, Activation.TANH, true))));
        cs.add(new Case("conv valid 3x2 stride 2", odd,
                d -> List.of(new ConvOp("t", d, 4, 3, 2, 2, 2, false, Activation.SIGMOID, true))));
        cs.add(new Case("conv same 4x4 stride 2 without bias", odd,
                d -> List.of(new ConvOp("t", d, 3, 4, 4, 2, 2, true, Activation.LINEAR, false))));
        cs.add(new Case("conv valid 1x1 relu", odd,
                d -> List.of(new ConvOp("t", d, 3, 1, 1, 1, 1, false, Activation.RELU, true))));
        cs.add(new Case("max pool 2 valid", odd, d -> List.of(new PoolOp("t", d, 2, 2, 2, 2, false, true))));
        cs.add(new Case("max pool 2 on even sizes (the whole-sample kernel)", new Dims(8, 6, 16),
                d -> List.of(new PoolOp("t", d, 2, 2, 2, 2, false, true))));
        cs.add(new Case("max pool 3 stride 2 same", odd, d -> List.of(new PoolOp("t", d, 3, 3, 2, 2, true, true))));
        cs.add(new Case("average pool 2 same", odd, d -> List.of(new PoolOp("t", d, 2, 2, 2, 2, true, false))));
        cs.add(new Case("average pool 3x2 stride 1 valid", odd,
                d -> List.of(new PoolOp("t", d, 3, 2, 1, 1, false, false))));
        cs.add(new Case("global average pool", odd, d -> List.of(new GlobalAveragePoolOp("t", d))));
        cs.add(new Case("batch norm after conv (training)", odd,
                d -> List.of(new BatchNormOp("t", d, 0.99, 1e-3, true, true))));
        cs.add(new Case("batch norm without scale and center", odd,
                d -> List.of(new BatchNormOp("t", d, 0.9, 1e-3, false, false))));
        cs.add(new Case("dropout 0.4 (fixed mask)", odd, d -> List.of(new DropoutOp("t", d, 0.4, 2))));
        cs.add(new Case("activation layers", odd, d -> List.of(new ActivationOp("t", d, Activation.SIGMOID),
                new ActivationOp("t2", d, Activation.TANH))));
        cs.add(new Case("dense over the last axis", odd, d -> List.of(new DenseOp("t", d, 3, Activation.TANH, true))));
        cs.add(new Case("flatten, dense, batch norm on vectors", odd, d -> {
            Op flat = new IdentityOp("f", d, Dims.vector(d.size()));
            Op dense = new DenseOp("t", flat.out, 6, Activation.LINEAR, false);
            return List.of(flat, dense, new BatchNormOp("b", dense.out, 0.99, 1e-3, true, true));
        }));
        return cs;
    }

    private static List<Op> network(Case c) {
        List<Op> ops = new ArrayList<>();
        ops.add(new ConvOp("first", c.input, 2, 3, 3, 1, 1, true, Activation.TANH, true));
        ops.addAll(c.middle.apply(ops.get(0).out));
        Dims top = ops.get(ops.size() - 1).out;
        Op flat = new IdentityOp("flatten", top, Dims.vector(top.size()));
        ops.add(flat);
        ops.add(new DenseOp("logits", flat.out, CLASSES, Activation.SOFTMAX, true));
        return ops;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void analyticGradientsMatchFiniteDifferences(Case c) {
        Kernels kernels = KernelSelector.best();
        try (TestNets.Opened o = TestNets.open(network(c), kernels, 1, N, 7)) {
            LayerNetwork net = o.net();
            float[] x = TestNets.randomInputs(N, c.input.size(), 11);
            int[] labels = TestNets.randomLabels(N, CLASSES, 13);
            System.arraycopy(x, 0, net.input(), 0, x.length);
            Optimizer none = TestNets.adam(net, kernels);
            // Adam with a zero learning rate would still move weights through epsilon: snapshot instead.
            List<float[]> before = snapshot(net);
            net.step(N, labels, null, none);
            List<float[]> analytic = new ArrayList<>();
            for (Param p : net.params()) {
                analytic.add(p.trainable ? p.grad.clone() : null);
            }
            restore(net, before);
            Random pick = new Random(3);
            int checked = 0;
            for (int t = 0; t < net.params().size(); t++) {
                Param p = net.params().get(t);
                if (!p.trainable) {
                    continue;
                }
                int samples = Math.min(p.data.length, 12);
                for (int q = 0; q < samples; q++) {
                    int i = p.data.length <= 12 ? q : pick.nextInt(p.data.length);
                    float v = p.data[i];
                    p.data[i] = v + EPS;
                    double up = loss(net, labels);
                    p.data[i] = v - EPS;
                    double down = loss(net, labels);
                    p.data[i] = v;
                    double numeric = (up - down) / (2 * EPS);
                    double a = analytic.get(t)[i];
                    assertTrue(Math.abs(a - numeric) <= 2e-3 + 0.03 * Math.abs(numeric),
                            c + ": " + p.name + "[" + i + "] analytic " + a + " vs numeric " + numeric);
                    checked++;
                }
            }
            assertTrue(checked > 20, "checked " + checked);
        }
    }

    private static double loss(LayerNetwork net, int[] labels) {
        net.forwardOnly(N, true);
        float[] z = net.logits();
        double sum = 0;
        double[] exps = new double[CLASSES];
        float[] g = new float[CLASSES];
        for (int s = 0; s < N; s++) {
            sum += dev.fmnist.backend.pure.nn.SoftmaxCrossEntropy.lossAndGradient(z, s * CLASSES, CLASSES, labels[s],
                    1, g, 0, exps);
        }
        return sum / N;
    }

    private static List<float[]> snapshot(LayerNetwork net) {
        List<float[]> s = new ArrayList<>();
        for (Param p : net.params()) {
            s.add(p.data.clone());
        }
        return s;
    }

    private static void restore(LayerNetwork net, List<float[]> s) {
        for (int i = 0; i < s.size(); i++) {
            System.arraycopy(s.get(i), 0, net.params().get(i).data, 0, s.get(i).length);
        }
    }
}
