package kz.migration.monitor.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import kz.migration.monitor.event.Topics;
import org.junit.jupiter.api.Test;

class PacedSinkTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void rateCapsRecordsPerSecond() {
        CollectingSink downstream = new CollectingSink();
        PacedSink paced = PacedSink.atRate(downstream, 200);

        long started = System.nanoTime();
        for (int i = 0; i < 41; i++) {
            paced.accept(Topics.BORDER_CROSSINGS, "k", "{}", T0);
        }

        assertThat((System.nanoTime() - started) / 1e6).isGreaterThanOrEqualTo(190);
        assertThat(downstream.get(Topics.BORDER_CROSSINGS)).hasSize(41);
    }

    @Test
    void speedupReplaysEventTimeAndNeverWaitsForLateRecords() {
        CollectingSink downstream = new CollectingSink();
        PacedSink paced = PacedSink.byEventTime(downstream, 3_600);

        long started = System.nanoTime();
        paced.accept(Topics.REGISTRATIONS, "a", "{}", T0);
        paced.accept(Topics.REGISTRATIONS, "b", "{}", T0.plusSeconds(900));
        paced.accept(Topics.REGISTRATIONS, "late", "{}", T0.minusSeconds(600));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        // 15 simulated minutes at 3600x are 250 ms of real time
        assertThat(elapsedMillis).isBetween(240L, 2_000L);
        assertThat(downstream.get(Topics.REGISTRATIONS)).hasSize(3);
    }

    @Test
    void rejectsNonPositivePace() {
        assertThatThrownBy(() -> PacedSink.atRate(new CollectingSink(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PacedSink.byEventTime(new CollectingSink(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
