package dev.fmnist.backend.pure.kernel;

import java.util.Locale;

/** Quick GEMM throughput check: {@code [m] [n] [k] [form: nn|tn] [seconds]}. */
public final class GemmSpeed {
    private GemmSpeed() {
    }

    public static void main(String[] args) {
        int m = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        boolean tn = args.length > 3 && args[3].equals("tn");
        double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 3;
        Kernels kernels = KernelSelector.best();
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) * 0.1f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (i % 5) * 0.1f;
        }
        for (int round = 0; round < 6; round++) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            long calls = 0;
            while (System.nanoTime() - t < seconds * 1e9 / 6) {
                if (tn) {
                    kernels.gemm(m, n, k, a, 0, 1, m, b, 0, n, c, 0, n, false);
                } else {
                    kernels.gemm(m, n, k, a, 0, k, 1, b, 0, n, c, 0, n, false);
                }
                calls++;
            }
            double s = (System.nanoTime() - t) / 1e9;
            double cs = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "%s %dx%dx%d: %.1f GFLOP/s wall, %.1f per CPU second (%.1f us per call)%n",
                    kernels.name(), m, n, k, 2.0 * m * n * k * calls / s / 1e9, 2.0 * m * n * k * calls / cs / 1e9,
                    s * 1e6 / calls);
        }
    }
}
