package dev.fmnist.spark.score;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.spark.runtime.ModelBlob;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Adds prediction columns to Spark datasets. The model file is read once on the driver and broadcast;
 * each executor loads it once onto its backend and scores every partition in batches.
 *
 * <pre>{@code
 * Dataset<Row> photos = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(dir);
 * Dataset<Row> scored = FmnistScoring.of(spark, ModelBlob.read(model)).classify(photos, "content", "path");
 * }</pre>
 *
 * Instances hold a broadcast variable and may be shared by the driver's threads.
 */
public final class FmnistScoring {
    /** The name of the SQL function {@link #registerFunction()} adds. */
    public static final String FUNCTION = "fmnist_classify";
    /** The picture files {@link #readPictures} picks up. */
    public static final String PICTURE_GLOB = "*.{png,PNG,jpg,JPG,jpeg,JPEG,gif,GIF,bmp,BMP}";

    private final SparkSession spark;
    private final Broadcast<ModelBlob> model;
    private final ScoringOptions options;

    private FmnistScoring(SparkSession spark, Broadcast<ModelBlob> model, ScoringOptions options) {
        this.spark = spark;
        this.model = model;
        this.options = options;
    }

    /** Scoring with {@code model} and the default options. */
    public static FmnistScoring of(SparkSession spark, ModelBlob model) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return new FmnistScoring(spark, context.broadcast(model), ScoringOptions.defaults());
    }

    /** The same model with other options. */
    public FmnistScoring withOptions(ScoringOptions value) {
        return new FmnistScoring(spark, model, value);
    }

    /** The options in use. */
    public ScoringOptions options() {
        return options;
    }

    /**
     * {@code input} with the prediction columns ({@link PredictionColumns}) added, each picture in
     * {@code column} (binary: an encoded picture file) prepared as {@code fmnist predict} prepares files.
     *
     * @param sourceColumn a column naming each picture in error messages (such as {@code path}), or null
     */
    public Dataset<Row> classify(Dataset<Row> input, String column,
            String sourceColumn) {
        return score(input, column, sourceColumn, InputKind.ENCODED_PICTURE);
    }

    /** {@code input} with the prediction columns added, {@code column} holding 784 raw pixels per row. */
    public Dataset<Row> classifyPixels(Dataset<Row> input,
            String column) {
        return score(input, column, null, InputKind.RAW_PIXELS);
    }

    private Dataset<Row> score(Dataset<Row> input, String column,
            String sourceColumn, InputKind kind) {
        StructType schema = input.schema();
        int index = fieldIndex(schema, column);
        if (!schema.fields()[index].dataType().equals(DataTypes.BinaryType)) {
            throw new InvalidInputException("column '" + column + "' holds " + schema.fields()[index].dataType()
                    .simpleString() + ", not binary picture data");
        }
        int source = sourceColumn == null ? -1 : fieldIndex(schema, sourceColumn);
        return input.mapPartitions(new PartitionScorer(model, options, index, source, kind),
                Encoders.row(PredictionColumns.appendTo(schema)));
    }

    /** Picture files under {@code directory} (recursively) as Spark's {@code binaryFile} source reads them. */
    public Dataset<Row> readPictures(String directory) {
        return spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                .option("pathGlobFilter", PICTURE_GLOB).load(directory);
    }

    /**
     * A fmnist dataset (such as the test set of the IDX files) as rows of {@code index}, {@code true_label},
     * {@code true_class} and {@code pixels} (784 bytes), in {@code partitions} partitions, repeated
     * {@code repeat} times (for benchmarks).
     */
    public Dataset<Row> fromDataset(dev.fmnist.api.data.Dataset data, int partitions, int repeat) {
        if (partitions < 1 || repeat < 1) {
            throw new InvalidInputException("partitions and repeat must be at least 1, got " + partitions + " and "
                    + repeat);
        }
        byte[] pixels = new byte[data.size() * Images.PIXELS];
        byte[] labels = new byte[data.size()];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.image(i), 0, pixels, i * Images.PIXELS, Images.PIXELS);
            labels[i] = (byte) data.label(i);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<DatasetRows.Content> content = context.broadcast(new DatasetRows.Content(pixels, labels));
        return spark.range(0, (long) data.size() * repeat, 1, partitions).as(Encoders.LONG())
                .mapPartitions(new DatasetRows(content), Encoders.row(DatasetRows.SCHEMA));
    }

    /**
     * Registers {@code fmnist_classify(content)} for Spark SQL: the struct of prediction columns for one
     * encoded picture. It classifies row by row; {@link #classify} batches and is faster for whole tables.
     */
    public void registerFunction() {
        spark.udf().register(FUNCTION, new ClassifyFunction(model, options),
                DataTypes.createStructType(PredictionColumns.FIELDS));
    }

    private static int fieldIndex(StructType schema, String name) {
        List<String> names = Arrays.asList(schema.fieldNames());
        int index = names.indexOf(name);
        if (index < 0) {
            throw new InvalidInputException("no column '" + name + "'; the columns are " + names);
        }
        return index;
    }
}
