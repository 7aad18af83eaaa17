package dev.fmnist.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelSummaryTest {
    @Test
    void printsKerasTableForTheTutorialsNetwork() {
        assertThat(ModelSummary.of(ModelSpec.mlp()).toText()).isEqualTo("""
                Model: "mlp"
                ____________________________________________________________________
                 Layer (type)                 Output Shape              Param #
                ====================================================================
                 flatten (Flatten)            (None, 784)               0
                ____________________________________________________________________
                 dense (Dense)                (None, 128)               100,480
                ____________________________________________________________________
                 dense_1 (Dense)              (None, 10)                1,290
                ====================================================================
                Total params: 101,770
                Trainable params: 101,770
                Non-trainable params: 0
                ____________________________________________________________________
                """);
    }

    @Test
    void countsThePeerCnnAndNonTrainableStatistics() {
        ModelSummary cnn = ModelSummary.of(ModelSpecTest.PEER_CNN);
        assertThat(cnn.total()).isEqualTo(421_642);
        assertThat(cnn.rows()).extracting(ModelSummary.Row::parameters).containsExactly(320L, 0L, 18_496L, 0L, 0L,
                401_536L, 1_290L);
        assertThat(cnn.rows().get(3).outputShape()).isEqualTo("(None, 7, 7, 64)");
        ModelSpec bn = new ModelSpec("bn", Shape.IMAGE, java.util.List.of(new LayerSpec.Conv2D(4, 3, Activation.LINEAR),
                new LayerSpec.BatchNormalization(), new LayerSpec.Flatten(), new LayerSpec.Dense(10, Activation.SOFTMAX)));
        ModelSummary s = ModelSummary.of(bn);
        assertThat(s.nonTrainable()).isEqualTo(8);
        assertThat(s.toText()).contains("Non-trainable params: 8").contains("batch_normalization (BatchNormalization)");
        assertThat(s.toJson()).containsEntry("non_trainable_parameters", 8L);
    }
}
