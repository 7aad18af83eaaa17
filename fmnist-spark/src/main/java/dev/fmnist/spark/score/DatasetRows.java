package dev.fmnist.spark.score;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns row numbers into rows of a fmnist dataset held in a broadcast variable: number {@code k} becomes
 * image {@code k mod size}. Each executor builds its partitions' rows where they are scored, so a dataset
 * repeated a hundred times costs neither a shuffle nor a plan of a hundred unions.
 */
final class DatasetRows implements MapPartitionsFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    /** The columns: {@code index}, {@code true_label}, {@code true_class}, {@code pixels} (784 bytes). */
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("index", DataTypes.LongType, false),
        DataTypes.createStructField("true_label", DataTypes.IntegerType, false),
        DataTypes.createStructField("true_class", DataTypes.StringType, false),
        DataTypes.createStructField("pixels", DataTypes.BinaryType, false)});

    /**
     * The images and labels of a dataset, as broadcast.
     *
     * @param pixels {@code size * 784} bytes, image after image
     * @param labels one per image
     */
    record Content(byte[] pixels, byte[] labels) implements Serializable {
        int size() {
            return labels.length;
        }
    }

    private final Broadcast<Content> content;

    DatasetRows(Broadcast<Content> content) {
        this.content = content;
    }

    @Override
    public Iterator<Row> call(Iterator<Long> numbers) {
        Content data = content.value();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return numbers.hasNext();
            }

            @Override
            public Row next() {
                int i = (int) (numbers.next() % data.size());
                int label = data.labels()[i];
                byte[] image = Arrays.copyOfRange(data.pixels(), i * Images.PIXELS, (i + 1) * Images.PIXELS);
                return RowFactory.create((long) i, label, FashionClass.ofLabel(label).displayName(), image);
            }
        };
    }
}
