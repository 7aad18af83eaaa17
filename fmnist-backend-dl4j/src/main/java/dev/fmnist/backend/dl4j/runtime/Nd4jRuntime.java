package dev.fmnist.backend.dl4j.runtime;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Starts ND4J once per JVM and sets its thread pools.
 *
 * <p>Why threads matter: at batch 32 a step is a few small matrix products, so speed is set by per-op
 * overhead, not arithmetic. With the defaults, libnd4j's OpenMP team and the bundled OpenBLAS pool both
 * take every core and spin against each other; one thread each is more than twice as fast on two cores.
 * Users should not have to export {@code OMP_NUM_THREADS}, so the backend sets the same limits through
 * ND4J's API right after ND4J starts: the OpenMP thread count, the OpenBLAS thread count and libnd4j's
 * own master/worker limits. OpenBLAS's and libnd4j's limits are process-wide, but OpenMP keeps its count
 * per calling thread (a thread that has not set it uses the default of one per core), so
 * {@link #onThisThread()} applies it on every thread that trains or predicts.
 */
public final class Nd4jRuntime {
    /** Threads used when the training configuration leaves the choice to the backend (threads = 0). */
    public static final int DEFAULT_THREADS = 1;

    private static final Object LOCK = new Object();
    private static boolean started;
    private static volatile int threads = DEFAULT_THREADS;
    /** The OpenMP thread count last applied on each thread (OpenMP keeps it per calling thread). */
    private static final ThreadLocal<int[]> APPLIED = ThreadLocal.withInitial(() -> new int[] {0});

    private Nd4jRuntime() {
    }

    /**
     * Loads ND4J's native backend, makes float32 the default data type, applies
     * {@link #DEFAULT_THREADS} and runs one tiny operation, so that a broken native library fails here
     * rather than in the middle of training.
     *
     * @throws RuntimeException or {@link LinkageError} as ND4J throws them; the provider turns them into a
     *     {@link dev.fmnist.api.error.BackendUnavailableException}
     */
    public static void start() {
        synchronized (LOCK) {
            if (started) {
                return;
            }
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
            useThreads(DEFAULT_THREADS);
            INDArray probe = Nd4j.createFromArray(1f, 2f, 3f).muli(2f);
            if (probe.sumNumber().floatValue() != 12f) {
                throw new IllegalStateException("ND4J computed 2*(1+2+3) = " + probe.sumNumber());
            }
            started = true;
        }
    }

    /**
     * Limits ND4J's native threads: OpenBLAS (matrix products) and libnd4j's master/worker pool for the
     * whole process, and OpenMP (libnd4j's parallel loops) on the calling thread and, through
     * {@link #onThisThread()}, on every thread that later runs the network.
     *
     * @param count at least 1
     */
    public static void useThreads(int count) {
        int n = Math.max(1, count);
        threads = n;
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
        onThisThread();
    }

    /** Applies the OpenMP thread count on the calling thread if it has not been applied there yet. */
    public static void onThisThread() {
        int[] applied = APPLIED.get();
        int n = threads;
        if (applied[0] != n) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
            applied[0] = n;
        }
    }

    /** The thread limits in force, for logs and benchmarks. */
    public static String threadSummary() {
        return "openmp=" + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()
                + " openblas=" + Nd4j.factory().blas().getMaxThreads()
                + " nd4j-master=" + Nd4j.getEnvironment().maxMasterThreads()
                + " nd4j-max=" + Nd4j.getEnvironment().maxThreads();
    }

    /** The threads a configuration asks for: its own count, or {@link #DEFAULT_THREADS} for 0. */
    public static int threadsFor(int configured) {
        return configured > 0 ? configured : DEFAULT_THREADS;
    }
}
