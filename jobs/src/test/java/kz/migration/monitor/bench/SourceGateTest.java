package kz.migration.monitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.junit.jupiter.api.Test;

class SourceGateTest {

    @Test
    void holdsTheSourceAtTheOpenedIndexAndReleasesItWhenOpenedFurther() {
        RateLimiter<NumberSequenceSplit> limiter =
                SourceGate.<NumberSequenceSplit>strategy().createRateLimiter(1);
        SourceGate.reset(0);
        SourceGate.openUntil(2);
        assertThat(limiter.acquire().toCompletableFuture()).isCompleted();
        assertThat(limiter.acquire().toCompletableFuture()).isCompleted();
        CompletableFuture<Void> third = limiter.acquire().toCompletableFuture();
        assertThat(third).isNotDone();
        assertThat(SourceGate.requested()).isEqualTo(3);

        SourceGate.openUntil(3);
        assertThat(third).isCompleted();
    }

    @Test
    void aResetGateStartsAtTheRestoredIndex() {
        RateLimiter<NumberSequenceSplit> limiter =
                SourceGate.<NumberSequenceSplit>strategy().createRateLimiter(1);
        SourceGate.reset(10);
        assertThat(limiter.acquire().toCompletableFuture()).isNotDone();
        SourceGate.reset(10);
        SourceGate.openUntil(11);
        assertThat(limiter.acquire().toCompletableFuture()).isCompleted();
        assertThat(limiter.acquire().toCompletableFuture()).isNotDone();
    }
}
