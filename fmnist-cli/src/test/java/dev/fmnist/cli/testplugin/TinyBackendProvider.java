package dev.fmnist.cli.testplugin;

import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendProvider;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.api.training.Trainer;

/**
 * A backend that exists only in test sources and reaches the CLI only as a plugin jar built at test
 * time: the API test-jar's scalar fake backend under another name, recorded as "tiny" in provenance.
 */
public final class TinyBackendProvider implements BackendProvider {
    /** The plugin backend's name. */
    public static final String NAME = "tiny";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "tiny plugin backend (built by a test)";
    }

    @Override
    public String version() {
        return "0.0.1-test";
    }

    @Override
    public boolean usesNativeCode() {
        return false;
    }

    @Override
    public Backend create() {
        return new Tiny(new FakeBackendProvider().create());
    }

    private record Tiny(Backend fake) implements Backend {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String version() {
            return "0.0.1-test";
        }

        @Override
        public Trainer trainer() {
            Trainer inner = fake.trainer();
            return job -> {
                TrainingResult r = inner.fit(job);
                Model model = r.model().withProvenance(renamed(r.model().provenance()));
                return new TrainingResult(model, r.history(), r.complete());
            };
        }

        @Override
        public Model load(ModelSpec spec, Weights weights, Provenance provenance) {
            return fake.load(spec, weights, provenance);
        }

        @Override
        public void close() {
            fake.close();
        }

        private static Provenance renamed(Provenance p) {
            return new Provenance(NAME, "0.0.1-test", p.fmnistVersion(), p.config(), p.dataName(), p.dataSha256(),
                    p.metrics(), p.created(), p.jvm(), p.os(), p.complete(), p.epochsCompleted());
        }
    }
}
