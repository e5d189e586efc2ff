package kz.migration.monitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The base of the event-time operators: buffering, ordering, scheduled work and the horizon. */
class EventTimeOrderedFunctionTest {

    private static final long HORIZON = 1_000;

    /**
     * Writes what it is asked to do as it does it: {@code time@T} for the work of instant T and
     * {@code name@T} for an event. An event named {@code schedule:S} schedules work at S.
     */
    static final class Recorder extends EventTimeOrderedFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        Recorder() {
            super(Types.STRING, HORIZON);
        }

        @Override
        protected Comparator<String> order() {
            return Comparator.naturalOrder();
        }

        @Override
        protected void onEvent(String event, long timestamp, Context ctx, Collector<String> out) {
            out.collect(event + "@" + timestamp);
            if (event.startsWith("schedule:")) {
                scheduleAt(ctx, Long.parseLong(event.substring("schedule:".length())));
            }
        }

        @Override
        protected void onTime(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect("time@" + timestamp);
        }
    }

    private final KeyedOneInputStreamOperatorTestHarness<String, String, String> harness =
            ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                    new Recorder(), e -> "person", Types.STRING);

    EventTimeOrderedFunctionTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eventsWaitForTheWatermarkAndAreAppliedInEventTimeOrder() throws Exception {
        harness.processElement("c", 30);
        harness.processElement("z", 20);
        harness.processElement("a", 10);
        harness.processElement("b", 20);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(3);

        harness.processWatermark(20);
        assertThat(harness.extractOutputValues())
                .containsExactly("time@10", "a@10", "time@20", "b@20", "z@20");

        harness.processWatermark(30);
        assertThat(harness.extractOutputValues())
                .containsExactly("time@10", "a@10", "time@20", "b@20", "z@20", "time@30", "c@30");
        // Nothing is left waiting.
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void scheduledWorkRunsBeforeTheEventsOfTheSameInstant() throws Exception {
        harness.processElement("schedule:50", 10);
        harness.processElement("x", 50);
        harness.processElement("schedule:40", 10);

        harness.processWatermark(60);

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        "time@10",
                        "schedule:40@10",
                        "schedule:50@10",
                        "time@40",
                        "time@50",
                        "x@50");
    }

    @Test
    void workAfterTheHorizonIsNotScheduled() throws Exception {
        harness.processElement("schedule:" + (HORIZON + 1), 10);
        harness.processElement("schedule:" + HORIZON, 20);
        harness.processWatermark(20);

        // Only the work at the horizon itself waits.
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(Long.MAX_VALUE);
        assertThat(harness.extractOutputValues())
                .endsWith("time@" + HORIZON)
                .doesNotContain("time@" + (HORIZON + 1));
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
