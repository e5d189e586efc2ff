package kz.migration.monitor.job;

import static kz.migration.monitor.SampleEvents.entry;
import static org.assertj.core.api.Assertions.assertThat;

import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.pipeline.HoldingOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.junit.jupiter.api.Test;

/**
 * The de-duplicator as the streaming job runs it, its copies held in memory until the watermark (at
 * most two, so that the cases with three copies also go through state): every case of {@link
 * DeduplicatorTest} holds, and the copies touch no state while they wait.
 */
class HeldDeduplicatorTest extends DeduplicatorTest {

    HeldDeduplicatorTest() throws Exception {}

    @Override
    OneInputStreamOperator<InputEvent, InputEvent> operator() {
        return new HoldingOperator<>(new Deduplicator(RETENTION, Long.MAX_VALUE), 2);
    }

    @Test
    void heldCopiesTouchNoStateUntilTheWatermarkPassesThem() throws Exception {
        BorderCrossing late = entry("c1", "2026-03-01T12:00", "P1", "UZB");
        BorderCrossing early = entry("c1", "2026-03-01T10:00", "P1", "RUS");
        send(late);
        send(early);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        harness.processWatermark(early.timestamp());

        assertThat(harness.extractOutputValues()).containsExactly(early);
        // The id is remembered, without a timer; the later copy is still held.
        assertThat(harness.numKeyedStateEntries()).isOne();
        assertThat(harness.numEventTimeTimers()).isZero();

        harness.processWatermark(late.timestamp());
        assertThat(harness.extractOutputValues()).containsExactly(early);
    }
}
