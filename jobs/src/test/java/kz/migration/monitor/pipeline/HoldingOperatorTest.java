package kz.migration.monitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * The streaming job's operator for event-time ordered functions: events held in memory until the
 * watermark give what the function gives with its events waiting in state.
 */
class HoldingOperatorTest {

    private static final long HORIZON = 1_000_000;

    /**
     * Keys are an event's first letter. It writes {@code key:body@T} for an event and {@code
     * key:time@T} for work; a body {@code sN} schedules work at N, {@code uN} withdraws it.
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
        protected void onEvent(String event, long timestamp, Context ctx, Collector<String> out)
                throws Exception {
            out.collect(ctx.getCurrentKey() + ":" + event.substring(1) + "@" + timestamp);
            char op = event.length() > 1 ? event.charAt(1) : ' ';
            if (op == 's' || op == 'u') {
                long at = Long.parseLong(event.substring(2));
                if (op == 's') {
                    scheduleAt(ctx, at);
                } else {
                    unscheduleAt(ctx, at);
                }
            }
        }

        @Override
        protected void onTime(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + ":time@" + timestamp);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> harness(
            OneInputStreamOperator<String, String> operator) throws Exception {
        return inputNamed(
                new KeyedOneInputStreamOperatorTestHarness<>(
                        operator, e -> e.substring(0, 1), Types.STRING));
    }

    /** Subtask {@code index} of {@code parallelism}, at most 128. */
    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> held(
            int maxHeld, int parallelism, int index) throws Exception {
        return inputNamed(
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new HoldingOperator<>(new Recorder(), maxHeld),
                        e -> e.substring(0, 1),
                        Types.STRING,
                        128,
                        parallelism,
                        index));
    }

    /** The input's serializer in the operator's configuration, as the job graph gives it. */
    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> inputNamed(
            KeyedOneInputStreamOperatorTestHarness<String, String, String> h) {
        h.getStreamConfig().setupNetworkInputs(StringSerializer.INSTANCE);
        h.getStreamConfig().serializeAllConfigs();
        return h;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> held(int maxHeld)
            throws Exception {
        return harness(new HoldingOperator<>(new Recorder(), maxHeld));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> inState()
            throws Exception {
        return harness(new KeyedProcessOperator<>(new Recorder()));
    }

    /** Each key's outputs, as value@timestamp of the record, in the order emitted. */
    private static Map<String, List<String>> byKey(
            KeyedOneInputStreamOperatorTestHarness<String, String, String> h) {
        Map<String, List<String>> got = new TreeMap<>();
        for (Object o : h.getOutput()) {
            if (o instanceof StreamRecord<?> r) {
                String v = (String) r.getValue();
                got.computeIfAbsent(v.substring(0, 1), k -> new ArrayList<>())
                        .add(v + " at " + r.getTimestamp());
            }
        }
        return got;
    }

    @Test
    void heldEventsTouchNoStateUntilTheWatermarkPassesThem() throws Exception {
        try (var h = held(100)) {
            h.open();
            h.processElement("ab", 20);
            h.processElement("aa", 20);
            h.processElement("bx", 10);
            h.processElement("ay", 30);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
            assertThat(byKey(h)).isEmpty();

            h.processWatermark(new Watermark(20));

            assertThat(byKey(h))
                    .containsEntry("a", List.of("a:a@20 at 20", "a:b@20 at 20"))
                    .containsEntry("b", List.of("b:x@10 at 10"));
            assertThat(h.numKeyedStateEntries()).isZero();

            h.processWatermark(new Watermark(40));
            assertThat(byKey(h).get("a")).endsWith("a:y@30 at 30");
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void workScheduledByAHeldEventWaitsInStateAndRunsBeforeLaterEvents() throws Exception {
        try (var h = held(100)) {
            h.open();
            h.processElement("as50", 10);
            h.processWatermark(new Watermark(10));
            assertThat(h.numEventTimeTimers()).isOne();

            h.processElement("az", 50);
            h.processElement("ay", 60);
            h.processWatermark(new Watermark(100));

            assertThat(byKey(h).get("a"))
                    .containsExactly(
                            "a:s50@10 at 10", "a:time@50 at 50", "a:z@50 at 50", "a:y@60 at 60");
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aCheckpointKeepsHeldEventsOutOfKeyedStateAndARestoreHoldsThemAgain() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = held(100)) {
            h.open();
            h.processElement("ab", 20);
            h.processElement("bs90", 30);
            // As a task does: the operator is told before the barrier, then snapshotted.
            h.prepareSnapshotPreBarrier(1);
            snapshot = h.snapshot(1, 1);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
            assertThat(h.getOutput()).isEmpty();
        }
        try (var h = held(100)) {
            h.initializeState(snapshot);
            h.open();
            h.processElement("aa", 20);
            h.processWatermark(new Watermark(100));
            assertThat(byKey(h))
                    .containsEntry("a", List.of("a:a@20 at 20", "a:b@20 at 20"))
                    .containsEntry("b", List.of("b:s90@30 at 30", "b:time@90 at 90"));
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aCheckpointOfTheFunctionAloneRestoresIntoIt() throws Exception {
        // The job's form before events were held: they waited in keyed state.
        OperatorSubtaskState snapshot;
        try (var h = inState()) {
            h.open();
            h.processElement("ab", 20);
            h.processElement("bs90", 30);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = held(100)) {
            h.initializeState(snapshot);
            h.open();
            h.processElement("aa", 20);
            h.processWatermark(new Watermark(100));
            assertThat(byKey(h))
                    .containsEntry("a", List.of("a:a@20 at 20", "a:b@20 at 20"))
                    .containsEntry("b", List.of("b:s90@30 at 30", "b:time@90 at 90"));
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void rescaledEachSubtaskTakesTheHeldEventsOfItsKeyGroups() throws Exception {
        List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        OperatorSubtaskState snapshot;
        try (var h = held(100, 1, 0)) {
            h.open();
            for (String k : keys) {
                h.processElement(k + "x", 20);
            }
            snapshot = h.snapshot(1, 1);
        }
        Map<String, List<String>> all = new TreeMap<>();
        for (int index = 0; index < 2; index++) {
            OperatorSubtaskState mine =
                    AbstractStreamOperatorTestHarness.repartitionOperatorState(
                            snapshot, 128, 1, 2, index);
            try (var h = held(100, 2, index)) {
                h.initializeState(mine);
                h.open();
                h.processWatermark(new Watermark(100));
                Map<String, List<String>> seen = byKey(h);
                for (String k : seen.keySet()) {
                    assertThat(KeyGroupRangeAssignment.assignKeyToParallelOperator(k, 128, 2))
                            .as("subtask of key %s", k)
                            .isEqualTo(index);
                }
                seen.forEach((k, v) -> assertThat(all.put(k, v)).as("key %s twice", k).isNull());
            }
        }
        assertThat(all.keySet()).containsExactlyElementsOf(keys);
        assertThat(all.get("c")).containsExactly("c:x@20 at 20");
    }

    @Test
    void moreEventsThanItMayHoldGoIntoState() throws Exception {
        try (var h = held(2)) {
            h.open();
            h.processElement("ac", 30);
            h.processElement("ab", 20);
            h.processElement("aa", 10);
            assertThat(h.numEventTimeTimers()).isOne();
            h.processWatermark(new Watermark(30));
            assertThat(byKey(h).get("a"))
                    .containsExactly("a:a@10 at 10", "a:b@20 at 20", "a:c@30 at 30");
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void givesWhatTheFunctionGivesWithItsEventsInState() throws Exception {
        for (int seed = 0; seed < 30; seed++) {
            Random random = new Random(seed);
            OperatorSubtaskState heldSnapshot = null;
            OperatorSubtaskState stateSnapshot = null;
            var a = held(1 + random.nextInt(6));
            var b = inState();
            a.open();
            b.open();
            long watermark = 0;
            for (int step = 0; step < 200; step++) {
                int what = random.nextInt(20);
                if (what < 14) {
                    String key = String.valueOf((char) ('a' + random.nextInt(4)));
                    long ts = watermark + 1 + random.nextInt(40);
                    String body =
                            switch (random.nextInt(6)) {
                                case 0 -> "s" + (ts + random.nextInt(60));
                                case 1 -> "u" + (ts + random.nextInt(60));
                                default -> String.valueOf((char) ('m' + random.nextInt(3)));
                            };
                    a.processElement(key + body, ts);
                    b.processElement(key + body, ts);
                } else if (what < 18) {
                    watermark += random.nextInt(25);
                    a.processWatermark(new Watermark(watermark));
                    b.processWatermark(new Watermark(watermark));
                } else {
                    // A crash after a checkpoint: both restart from their own.
                    a.prepareSnapshotPreBarrier(step);
                    b.prepareSnapshotPreBarrier(step);
                    heldSnapshot = a.snapshot(step, step);
                    stateSnapshot = b.snapshot(step, step);
                    var seen = byKey(a);
                    assertThat(seen).isEqualTo(byKey(b));
                    a.close();
                    b.close();
                    a = held(1 + random.nextInt(6));
                    b = inState();
                    a.initializeState(heldSnapshot);
                    b.initializeState(stateSnapshot);
                    a.open();
                    b.open();
                    a.processWatermark(new Watermark(watermark));
                    b.processWatermark(new Watermark(watermark));
                }
            }
            a.processWatermark(new Watermark(Long.MAX_VALUE));
            b.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(byKey(a)).as("seed %d", seed).isEqualTo(byKey(b));
            assertThat(a.numKeyedStateEntries()).as("seed %d", seed).isZero();
            assertThat(a.numEventTimeTimers()).isZero();
            a.close();
            b.close();
        }
    }
}
