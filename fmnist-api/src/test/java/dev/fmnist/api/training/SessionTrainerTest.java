package dev.fmnist.api.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Capabilities;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.testing.SyntheticData;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionTrainerTest {
    @Test
    void theBackendsCapabilitiesRefuseBeforeAnySessionOpens() {
        AtomicInteger opened = new AtomicInteger();
        SessionTrainer trainer = new SessionTrainer("dense-only", "1", Capabilities.denseStacks(),
                (spec, initial, config) -> {
                    opened.incrementAndGet();
                    throw new AssertionError("must not open");
                });
        assertThatThrownBy(() -> trainer.fit(TrainingJob.of(ModelSpec.cnn(), SyntheticData.train(),
                TrainingConfig.defaults().withEpochs(1))))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessage("backend 'dense-only' cannot run model 'cnn': layer 1 (Conv2D 'conv2d'): Conv2D layers "
                        + "are not supported (supported: Flatten, Dense)");
        assertThat(opened).hasValue(0);
    }
}
