package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.model.Activation;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.backend.pure.kernel.Kernels;
import dev.fmnist.backend.pure.optim.Optimizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH, one thread: the GEMM micro-kernel on the CNN's shapes (conv2's forward per sample, 196x64x288; a block
 * of its kernel gradient, 16x64x256 with A transposed) and the peer CNN's second convolution
 * (14x14x32 -> 64, 3x3 same, ReLU) over a batch of 64: forward, and backward with its Adam update.
 * Run with {@code org.openjdk.jmh.Main ConvBenchmark} on the test class path (see the README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ConvBenchmark {
    private static final int BATCH = 64;

    @Param({"vector", "scalar"})
    String kernels;

    private Kernels k;
    private float[] a;
    private float[] b;
    private float[] c;
    private ConvOp conv;
    private Exec exec;

    @Setup
    public void setUp() {
        k = kernels.equals("vector") ? KernelSelector.vectorOrScalar() : KernelSelector.scalar();
        a = TestNets.randomInputs(1, 196 * 288, 1);
        b = TestNets.randomInputs(1, 288 * 64, 2);
        c = new float[196 * 64];
        conv = new ConvOp("conv2d_1", new Dims(14, 14, 32), 64, 3, 3, 1, 1, true, Activation.RELU, true);
        LayerNetwork net = new LayerNetwork(List.of(conv));
        TestNets.randomise(net, 3);
        exec = new Exec(k, null);
        net.open(BATCH, exec);
        float[] x = TestNets.randomInputs(BATCH, 14 * 14 * 32, 4);
        System.arraycopy(x, 0, net.input(), 0, x.length);
        float[] dy = TestNets.randomInputs(BATCH, 14 * 14 * 64, 5);
        System.arraycopy(dy, 0, conv.dy, 0, dy.length);
        exec.n = BATCH;
        exec.training = true;
        exec.optimizer = TestNets.adam(net, k);
        exec.optimizer.beginStep();
        conv.dx = new float[BATCH * 14 * 14 * 32]; // as if a layer below needed the input gradient
        conv.bind(net.input(), conv.dx, BATCH, 1, true);
        System.arraycopy(dy, 0, conv.dy, 0, dy.length);
    }

    @Benchmark
    public float[] gemmConvForwardPerSample() {
        k.gemm(196, 64, 288, a, 0, 288, 1, b, 0, 64, c, 0, 64, false);
        return c;
    }

    @Benchmark
    public float[] gemmKernelGradientBlock() {
        k.gemm(16, 64, 256, a, 0, 1, 288, b, 0, 64, c, 0, 64, false);
        return c;
    }

    @Benchmark
    public float[] convForwardBatch() {
        Optimizer o = exec.optimizer;
        exec.optimizer = null;
        conv.forward(exec);
        exec.optimizer = o;
        return conv.y;
    }

    @Benchmark
    public float[] convBackwardBatch() {
        conv.backward(exec);
        return conv.dx;
    }
}
