package dev.fmnist.backend.dl4j.network;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between Java float arrays and ND4J's native memory without allocating per call: batches are
 * written into arrays kept for their row count, and results are read straight out of native memory.
 */
public final class HostArrays {
    private INDArray last;
    private INDArray previous;

    /**
     * A reused {@code [rows, cols]} float array ('c' order) holding {@code values[0 .. rows*cols)}. The two
     * most recent shapes are kept, which covers full batches plus one short last batch.
     */
    public INDArray rows(float[] values, int rows, int cols) {
        INDArray target = reuse(rows, cols);
        buffer(target).put(values, 0, rows * cols);
        return target;
    }

    private INDArray reuse(int rows, int cols) {
        if (matches(last, rows, cols)) {
            return last;
        }
        if (matches(previous, rows, cols)) {
            INDArray hit = previous;
            previous = last;
            last = hit;
            return hit;
        }
        previous = last;
        last = Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', rows, cols);
        return last;
    }

    private static boolean matches(INDArray a, int rows, int cols) {
        return a != null && a.rows() == rows && a.columns() == cols;
    }

    /** Copies the first {@code count} values of a float array (any order) into {@code out}, row-major. */
    public static void read(INDArray array, float[] out, int count) {
        INDArray source = array;
        if (array.ordering() != 'c' || array.isView() || array.dataType() != DataType.FLOAT) {
            source = array.castTo(DataType.FLOAT).dup('c');
        }
        buffer(source).get(out, 0, count);
    }

    /** A float view of an array's native memory, positioned at its first element. */
    private static FloatBuffer buffer(INDArray a) {
        FloatBuffer b = a.data().asNio().asFloatBuffer();
        b.position((int) a.offset());
        return b;
    }
}
