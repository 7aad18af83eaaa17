package dev.fmnist.spark.score;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns scoring adds, and their values for one prediction: {@code label} (0-9),
 * {@code class_name}, {@code probability} (of that class), {@code top_k} (an array of
 * {@code {label, class_name, probability}}, best first) and {@code error} (null, or why the row's
 * picture could not be classified: then the other four are null).
 */
public final class PredictionColumns {
    /** The element type of {@code top_k}. */
    public static final StructType RANKED = new StructType(new StructField[] {
        DataTypes.createStructField("label", DataTypes.IntegerType, false),
        DataTypes.createStructField("class_name", DataTypes.StringType, false),
        DataTypes.createStructField("probability", DataTypes.FloatType, false)});

    /** The added columns, in order. */
    public static final List<StructField> FIELDS = List.of(
            DataTypes.createStructField("label", DataTypes.IntegerType, true),
            DataTypes.createStructField("class_name", DataTypes.StringType, true),
            DataTypes.createStructField("probability", DataTypes.FloatType, true),
            DataTypes.createStructField("top_k", DataTypes.createArrayType(RANKED, false), true),
            DataTypes.createStructField("error", DataTypes.StringType, true));

    private PredictionColumns() {
    }

    /** {@code input}'s fields followed by the prediction columns. */
    public static StructType appendTo(StructType input) {
        StructType out = input;
        for (StructField f : FIELDS) {
            out = out.add(f);
        }
        return out;
    }

    /** The prediction columns' values for row {@code row} of a batch of probabilities. */
    public static Object[] values(float[] probabilities, int row, int top) {
        Prediction p = Prediction.of(probabilities, row);
        List<Row> ranked = new ArrayList<>(top);
        for (Prediction.Ranked r : p.top(top)) {
            ranked.add(RowFactory.create(r.fashionClass().label(), r.fashionClass().displayName(), r.probability()));
        }
        FashionClass best = p.best();
        // Arrays, not java.util.List: Spark's row encoder takes a Java array or a Scala Seq for array columns.
        return new Object[] {best.label(), best.displayName(), p.probabilities()[best.label()], ranked.toArray(new Row[0]),
            null};
    }

    /** The prediction columns' values for a row that could not be classified. */
    public static Object[] failed(String error) {
        return new Object[] {null, null, null, null, error};
    }
}
