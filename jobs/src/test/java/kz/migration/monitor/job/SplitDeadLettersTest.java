package kz.migration.monitor.job;

import static kz.migration.monitor.SampleEvents.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Valid events on, dead letters (including events behind the watermark) aside, the future ignored.
 */
class SplitDeadLettersTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-04-01T00:00:00Z");
    private static final BorderCrossing AT_HORIZON = entry("c9", "2026-03-31T10:00", "P9", "UZB");
    private static final long HORIZON = AT_HORIZON.timestamp();

    private final OneInputStreamOperatorTestHarness<IngestedRecord, InputEvent> harness =
            ProcessFunctionTestHarnesses.forProcessFunction(
                    new SplitDeadLetters(HORIZON, RECEIVED_AT));

    SplitDeadLettersTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static IngestedRecord valid(InputEvent e) {
        return new IngestedRecord(e, null, "{\"eventId\":\"" + e.eventId() + "\"}");
    }

    private void send(IngestedRecord r) throws Exception {
        if (r.event() != null) {
            harness.processElement(r, r.event().timestamp());
        } else {
            harness.processElement(new StreamRecord<>(r));
        }
    }

    private java.util.List<DeadLetter> deadLetters() {
        var side = harness.getSideOutput(SplitDeadLetters.DEAD_LETTERS);
        return side == null
                ? java.util.List.of()
                : side.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void validEventsPassAndDeadLettersGoAside() throws Exception {
        BorderCrossing ok = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        DeadLetter rejected =
                new DeadLetter(
                        "border-crossings",
                        "purpose",
                        "purpose: FOO is not a purpose",
                        "{\"purpose\":\"FOO\"}",
                        RECEIVED_AT);
        send(valid(ok));
        send(new IngestedRecord(null, rejected, rejected.payload()));

        assertThat(harness.extractOutputValues()).containsExactly(ok);
        assertThat(deadLetters()).containsExactly(rejected);
    }

    @Test
    void anEventBehindTheWatermarkBecomesADeadLetterWithItsRawPayload() throws Exception {
        BorderCrossing onTime = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        BorderCrossing late = entry("c2", "2026-03-01T09:00", "P2", "UZB");
        BorderCrossing atWatermark = entry("c3", "2026-03-01T10:00", "P3", "UZB");
        send(valid(onTime));
        harness.processWatermark(onTime.timestamp());

        IngestedRecord lateRecord =
                new IngestedRecord(late, null, "{\"eventId\": \"c2\",  \"raw\": true}");
        send(lateRecord);
        send(valid(atWatermark));

        assertThat(harness.extractOutputValues()).containsExactly(onTime);
        assertThat(deadLetters()).hasSize(2);
        DeadLetter d = deadLetters().get(0);
        assertThat(d.source()).isEqualTo("border-crossings");
        assertThat(d.field()).isEqualTo("occurredAt");
        assertThat(d.reason()).startsWith("occurredAt");
        assertThat(d.payload()).isEqualTo(lateRecord.payload());
        assertThat(d.receivedAt()).isEqualTo(RECEIVED_AT);
        // An event exactly at the watermark is behind it too: the watermark promised none such.
        assertThat(deadLetters().get(1).payload()).contains("c3");
    }

    @Test
    void eventsAfterTheHorizonAreDropped() throws Exception {
        BorderCrossing after = entry("c10", "2026-03-31T10:01", "P1", "UZB");
        send(valid(AT_HORIZON));
        send(valid(after));

        assertThat(harness.extractOutputValues()).containsExactly(AT_HORIZON);
        assertThat(deadLetters()).isEmpty();
    }
}
