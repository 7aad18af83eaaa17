package dev.fmnist.backend.pure.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void everyChunkIsProcessedExactlyOnceOverManyRounds() {
        try (WorkerPool pool = new WorkerPool(3, "test-pool")) {
            ChunkCursor cursor = new ChunkCursor();
            for (int round = 0; round < 2000; round++) {
                int size = 1 + round % 97;
                AtomicIntegerArray seen = new AtomicIntegerArray(size);
                cursor.reset(size, 1 + round % 5);
                pool.run(p -> {
                    for (int s = cursor.claim(); s >= 0; s = cursor.claim()) {
                        for (int i = s; i < cursor.end(s); i++) {
                            seen.incrementAndGet(i);
                        }
                    }
                });
                for (int i = 0; i < size; i++) {
                    assertThat(seen.get(i)).as("round %d item %d", round, i).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void affinityCursorCoversEveryItemOnceAndPrefersTheOwnPart() {
        AffinityCursor cursor = new AffinityCursor(2);
        cursor.reset(100, 8);
        long first = cursor.claim(1);
        assertThat(AffinityCursor.start(first)).as("participant 1 starts in the second half").isEqualTo(50);
        boolean[] seen = new boolean[100];
        for (int i = 50; i < cursor.end(first); i++) {
            seen[i] = true;
        }
        // Participant 1 alone drains everything: its own part, then the other part.
        for (long c = cursor.claim(1); c >= 0; c = cursor.claim(1)) {
            for (int i = AffinityCursor.start(c); i < cursor.end(c); i++) {
                assertThat(seen[i]).as("item %d twice", i).isFalse();
                seen[i] = true;
            }
        }
        for (int i = 0; i < 100; i++) {
            assertThat(seen[i]).as("item %d", i).isTrue();
        }
        assertThat(cursor.claim(0)).isEqualTo(-1);
    }

    @Test
    void aFailureInAnyParticipantReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2, "test-pool")) {
            assertThatThrownBy(() -> pool.run(p -> {
                throw new IllegalArgumentException("boom " + p);
            })).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("boom");
            // The pool still works afterwards.
            int[] calls = new int[1];
            pool.run(p -> {
                if (p == 0) {
                    calls[0]++;
                }
            });
            assertThat(calls[0]).isEqualTo(1);
        }
    }

    @Test
    void workersAreDaemonsAndStopWhenClosed() throws InterruptedException {
        WorkerPool pool = new WorkerPool(2, "closing-pool");
        pool.run(p -> { });
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("closing-pool")).findFirst().orElseThrow();
        assertThat(worker.isDaemon()).isTrue();
        pool.close();
        worker.join(5000);
        assertThat(worker.isAlive()).isFalse();
        assertThatThrownBy(() -> pool.run(p -> { })).isInstanceOf(IllegalStateException.class);
    }
}
