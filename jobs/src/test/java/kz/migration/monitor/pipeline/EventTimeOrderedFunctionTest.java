package kz.migration.monitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The base of the event-time operators: buffering, ordering, scheduled work and the horizon. */
class EventTimeOrderedFunctionTest {

    private static final long HORIZON = 1_000;

    /**
     * Writes what it is asked to do as it does it: {@code time@T} for the work of instant T and
     * {@code name@T} for an event. An event named {@code schedule:S} schedules work at S, {@code
     * always:S} even after the horizon, and {@code unschedule:S} withdraws the work at S.
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
            out.collect(event + "@" + timestamp);
            int colon = event.indexOf(':');
            if (colon < 0) {
                return;
            }
            long at = Long.parseLong(event.substring(colon + 1));
            switch (event.substring(0, colon)) {
                case "schedule" -> scheduleAt(ctx, at);
                case "always" -> scheduleEvenAfterHorizonAt(ctx, at);
                case "unschedule" -> unscheduleAt(ctx, at);
                default -> throw new IllegalArgumentException(event);
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
        // One timer for the key, at its earliest instant, not one per instant.
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(20);
        // No work was scheduled, so none runs at the events' instants.
        assertThat(harness.extractOutputValues()).containsExactly("a@10", "b@20", "z@20");

        harness.processWatermark(30);
        assertThat(harness.extractOutputValues()).containsExactly("a@10", "b@20", "z@20", "c@30");
        // Nothing is left waiting.
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void scheduledWorkRunsOnlyAtItsInstantAndBeforeTheEventsOfThatInstant() throws Exception {
        harness.processElement("schedule:50", 10);
        harness.processElement("y", 40);
        harness.processElement("x", 50);
        harness.processElement("schedule:30", 10);

        harness.processWatermark(60);

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        "schedule:30@10", "schedule:50@10", "time@30", "y@40", "time@50", "x@50");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void outputCarriesTheInstantItWasEmittedAt() throws Exception {
        harness.processElement("b", 20);
        harness.processElement("schedule:15", 10);
        harness.processElement("a", 10);

        harness.processWatermark(25);

        assertThat(harness.extractOutputValues())
                .containsExactly("a@10", "schedule:15@10", "time@15", "b@20");
        assertThat(
                        harness.getOutput().stream()
                                .filter(r -> r instanceof StreamRecord<?>)
                                .map(r -> ((StreamRecord<?>) r).getTimestamp()))
                .containsExactly(10L, 10L, 15L, 20L);
    }

    @Test
    void workScheduledForAnInstantThatThisWatermarkPassesRunsInTheSameStep() throws Exception {
        harness.processElement("schedule:12", 10);
        harness.processElement("x", 14);
        harness.processElement("y", 40);

        harness.processWatermark(30);
        assertThat(harness.extractOutputValues())
                .containsExactly("schedule:12@10", "time@12", "x@14");
        // What is left, the event at 40, still has its timer and its entry.
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(40);
        assertThat(harness.extractOutputValues())
                .containsExactly("schedule:12@10", "time@12", "x@14", "y@40");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anEarlierEventMovesTheKeysTimerForward() throws Exception {
        harness.processElement("late", 50);
        harness.processElement("early", 10);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(10);
        assertThat(harness.extractOutputValues()).containsExactly("early@10");
        harness.processWatermark(50);
        assertThat(harness.extractOutputValues()).containsExactly("early@10", "late@50");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void workScheduledTwiceRunsOnce() throws Exception {
        harness.processElement("schedule:50", 10);
        harness.processElement("schedule:50", 20);

        harness.processWatermark(50);

        assertThat(harness.extractOutputValues())
                .containsExactly("schedule:50@10", "schedule:50@20", "time@50");
    }

    @Test
    void withdrawnWorkDoesNotRunAndLeavesNothingBehind() throws Exception {
        harness.processElement("schedule:50", 10);
        harness.processElement("unschedule:50", 20);
        harness.processWatermark(20);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        harness.processWatermark(60);
        assertThat(harness.extractOutputValues())
                .containsExactly("schedule:50@10", "unschedule:50@20");
    }

    @Test
    void withdrawnWorkDoesNotRunWhileEventsWaitAtItsInstant() throws Exception {
        harness.processElement("schedule:50", 10);
        harness.processElement("x", 50);
        harness.processElement("unschedule:50", 20);
        harness.processWatermark(20);
        // The instant's timer stays for the event that waits there.
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(60);

        assertThat(harness.extractOutputValues())
                .containsExactly("schedule:50@10", "unschedule:50@20", "x@50");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void workScheduledWhereEventsWaitRunsBeforeThem() throws Exception {
        harness.processElement("x", 50);
        harness.processElement("schedule:50", 10);

        harness.processWatermark(50);

        assertThat(harness.extractOutputValues())
                .containsExactly("schedule:50@10", "time@50", "x@50");
        assertThat(harness.numEventTimeTimers()).isZero();
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
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void workMayBeScheduledAfterTheHorizonExplicitly() throws Exception {
        harness.processElement("always:" + (HORIZON + 1), 10);
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .containsExactly("always:" + (HORIZON + 1) + "@10", "time@" + (HORIZON + 1));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /**
     * Writes the state of the versions before this one: a map "due" from instant to (work
     * requested, events), with a timer per instant. An element {@code work} requests work at its
     * own timestamp; any other is an event waiting there.
     */
    static final class LegacyWriter extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient MapState<Long, Tuple2<Boolean, List<String>>> due;

        @Override
        public void open(OpenContext openContext) {
            due =
                    getRuntimeContext()
                            .getMapState(
                                    new MapStateDescriptor<>(
                                            "due",
                                            Types.LONG,
                                            Types.TUPLE(
                                                    Types.BOOLEAN,
                                                    new ListTypeInfo<>(Types.STRING))));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            long ts = ctx.timestamp();
            Tuple2<Boolean, List<String>> at = due.get(ts);
            if (at == null) {
                at = Tuple2.of(false, new ArrayList<>());
                ctx.timerService().registerEventTimeTimer(ts);
            }
            if (value.equals("work")) {
                at.f0 = true;
            } else {
                at.f1.add(value);
            }
            due.put(ts, at);
        }
    }

    @Test
    void aSavepointOfTheVersionsBeforeLosesNeitherEventsNorScheduledWork() throws Exception {
        restoresWithoutLoss(new LegacyWriter());
    }

    /**
     * Writes {@code b@30, work@20, a@30, c@40, work@50} with {@code writer}, the function of a
     * version before, restores its snapshot into today's and requires every event and the work at
     * 20 and 50 to be applied in order, with nothing left in state.
     */
    private static void restoresWithoutLoss(KeyedProcessFunction<String, String, String> writer)
            throws Exception {
        OperatorSubtaskState savepoint;
        try (var before =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(writer), e -> "person", Types.STRING)) {
            before.open();
            before.processElement("b", 30);
            before.processElement("work", 20);
            before.processElement("a", 30);
            before.processElement("c", 40);
            before.processElement("work", 50);
            savepoint = before.snapshot(1, 1);
        }

        try (var after =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new Recorder()), e -> "person", Types.STRING)) {
            after.initializeState(savepoint);
            after.open();
            after.processElement("d", 35);

            after.processWatermark(35);
            assertThat(after.extractOutputValues())
                    .containsExactly("time@20", "a@30", "b@30", "d@35");

            after.processWatermark(50);
            assertThat(after.extractOutputValues())
                    .containsExactly("time@20", "a@30", "b@30", "d@35", "c@40", "time@50");
            // The old state is gone with what it held; nothing waits any more.
            assertThat(after.numKeyedStateEntries()).isZero();
            assertThat(after.numEventTimeTimers()).isZero();
        }
    }

    /**
     * Writes the state of the version before this one: the waiting events in a list "waiting", the
     * instants of work in "agenda" and the instant of the key's one timer in "wake-at". An element
     * {@code work} requests work at its own timestamp; any other is an event waiting there.
     */
    static final class PreviousVersionWriter extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ListState<Tuple2<Long, String>> waiting;
        private transient ValueState<long[]> agenda;
        private transient ValueState<Long> wakeAt;

        @Override
        public void open(OpenContext openContext) {
            waiting =
                    getRuntimeContext()
                            .getListState(
                                    new ListStateDescriptor<>(
                                            "waiting", Types.TUPLE(Types.LONG, Types.STRING)));
            agenda =
                    getRuntimeContext()
                            .getState(
                                    new ValueStateDescriptor<>(
                                            "agenda",
                                            PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
            wakeAt =
                    getRuntimeContext().getState(new ValueStateDescriptor<>("wake-at", Types.LONG));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            long ts = ctx.timestamp();
            if (value.equals("work")) {
                long[] work = agenda.value();
                long[] more = work == null ? new long[1] : Arrays.copyOf(work, work.length + 1);
                more[more.length - 1] = ts;
                Arrays.sort(more);
                agenda.update(more);
            } else {
                waiting.add(Tuple2.of(ts, value));
            }
            Long wake = wakeAt.value();
            if (wake == null || ts < wake) {
                if (wake != null) {
                    ctx.timerService().deleteEventTimeTimer(wake);
                }
                ctx.timerService().registerEventTimeTimer(ts);
                wakeAt.update(ts);
            }
        }
    }

    @Test
    void aSavepointOfTheVersionBeforeLosesNeitherEventsNorScheduledWork() throws Exception {
        restoresWithoutLoss(new PreviousVersionWriter());
    }

    @Test
    void aKeysTimerWorkAndWaitingEventsAreOneScheduleBesideItsList() throws Exception {
        harness.processElement("schedule:50", 10);
        harness.processWatermark(10);
        // Work scheduled and no event waiting: the schedule alone.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.processElement("x", 30);
        harness.processElement("y", 60);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(50);
        assertThat(harness.extractOutputValues())
                .containsExactly("schedule:50@10", "x@30", "time@50");
        // y still waits, with the key's timer at its instant.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(60);
        assertThat(harness.extractOutputValues())
                .containsExactly("schedule:50@10", "x@30", "time@50", "y@60");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /** Records the bracket of each wake around what runs in it. */
    static final class WakeRecorder extends EventTimeOrderedFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        WakeRecorder() {
            super(Types.STRING, HORIZON);
        }

        @Override
        protected Comparator<String> order() {
            return Comparator.naturalOrder();
        }

        @Override
        protected void startWake(OnTimerContext ctx) {
            ctx.output(WAKES, "start " + ctx.getCurrentKey());
        }

        @Override
        protected void endWake(OnTimerContext ctx) {
            ctx.output(WAKES, "end " + ctx.getCurrentKey());
        }

        @Override
        protected void onEvent(String event, long timestamp, Context ctx, Collector<String> out)
                throws Exception {
            ctx.output(WAKES, event + "@" + timestamp);
            if (event.equals("a")) {
                scheduleAt(ctx, 15);
            }
        }

        @Override
        protected void onTime(long timestamp, OnTimerContext ctx, Collector<String> out) {
            ctx.output(WAKES, "time@" + timestamp);
        }
    }

    static final OutputTag<String> WAKES = new OutputTag<>("wakes", Types.STRING);

    @Test
    void eachWakeBracketsAllTheWorkAndEventsUpToTheWatermark() throws Exception {
        try (var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new WakeRecorder(),
                        e -> e.equals("x") ? "other" : "person",
                        Types.STRING)) {
            h.processElement("b", 20);
            h.processElement("a", 10);
            h.processElement("c", 30);
            h.processElement("x", 12);

            h.processWatermark(20);
            assertThat(h.getSideOutput(WAKES))
                    .extracting(r -> r.getValue())
                    .containsExactly(
                            "start person",
                            "a@10",
                            "time@15",
                            "b@20",
                            "end person",
                            "start other",
                            "x@12",
                            "end other");

            h.processWatermark(25);
            assertThat(h.getSideOutput(WAKES)).hasSize(8);
            h.processWatermark(30);
            assertThat(h.getSideOutput(WAKES))
                    .extracting(r -> r.getValue())
                    .endsWith("start person", "c@30", "end person")
                    .hasSize(11);
        }
    }

    /** As in Flink's BATCH mode: the key's events in time order, the watermark only at its end. */
    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> inTimeOrder()
            throws Exception {
        return inTimeOrder(1);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> inTimeOrder(
            int maxWaiting) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new Recorder().inTimeOrder(maxWaiting), e -> "person", Types.STRING);
    }

    @Test
    void inTimeOrderEventsWaitUntilEnoughWaitThenALaterInstantLetsThemThrough() throws Exception {
        try (var h = inTimeOrder(3)) {
            h.processElement("a", 10);
            h.processElement("b", 20);
            h.processElement("c", 30);
            // Three wait, but a fourth at the same instant as the latest cannot let that through.
            h.processElement("d", 30);
            assertThat(h.extractOutputValues()).isEmpty();

            h.processElement("e", 40);
            assertThat(h.extractOutputValues()).containsExactly("a@10", "b@20", "c@30", "d@30");
            assertThat(h.numEventTimeTimers()).isEqualTo(1);

            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues())
                    .containsExactly("a@10", "b@20", "c@30", "d@30", "e@40");
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void inTimeOrderAnEventEarlierThanOnesAlreadyLetThroughFails() throws Exception {
        try (var h = inTimeOrder(1)) {
            h.processElement("a", 10);
            h.processElement("b", 20);
            assertThat(h.extractOutputValues()).containsExactly("a@10");
            assertThatThrownBy(() -> h.processElement("c", 15))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not in time order");
        }
    }

    @Test
    void inTimeOrderNeedsRoomForAtLeastOneEvent() {
        assertThatThrownBy(() -> new Recorder().inTimeOrder(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inTimeOrderAnInstantsEventsAreAppliedOnceALaterEventComes() throws Exception {
        try (var h = inTimeOrder()) {
            h.processElement("b", 10);
            h.processElement("a", 10);
            assertThat(h.extractOutputValues()).isEmpty();

            h.processElement("c", 20);
            // Sorted as at a watermark; the later event waits, with the key's one timer.
            assertThat(h.extractOutputValues()).containsExactly("a@10", "b@10");
            assertThat(h.numEventTimeTimers()).isEqualTo(1);

            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).containsExactly("a@10", "b@10", "c@20");
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void inTimeOrderWorkBetweenTwoEventsRunsBeforeTheLaterOne() throws Exception {
        try (var h = inTimeOrder()) {
            h.processElement("schedule:15", 10);
            h.processElement("schedule:60", 20);
            h.processElement("x", 30);
            h.processElement("y", 40);

            // Work at 60 lies after every event so far: it waits like them.
            assertThat(h.extractOutputValues())
                    .containsExactly("schedule:15@10", "time@15", "schedule:60@20", "x@30");
            assertThat(h.numEventTimeTimers()).isEqualTo(1);

            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues())
                    .containsExactly(
                            "schedule:15@10",
                            "time@15",
                            "schedule:60@20",
                            "x@30",
                            "y@40",
                            "time@60");
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void inTimeOrderGivesTheSameOutputAsWaitingForTheWatermark() throws Exception {
        List<Tuple2<String, Long>> events =
                List.of(
                        Tuple2.of("schedule:25", 5L),
                        Tuple2.of("unschedule:25", 10L),
                        Tuple2.of("always:2000", 10L),
                        Tuple2.of("schedule:40", 20L),
                        Tuple2.of("b", 40L),
                        Tuple2.of("a", 40L),
                        Tuple2.of("c", 900L));
        List<String> waited;
        try (var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new Recorder(), e -> "person", Types.STRING)) {
            for (int i = events.size() - 1; i >= 0; i--) {
                h.processElement(events.get(i).f0, events.get(i).f1);
            }
            h.processWatermark(Long.MAX_VALUE);
            waited = h.extractOutputValues();
        }
        try (var h = inTimeOrder()) {
            for (Tuple2<String, Long> e : events) {
                h.processElement(e.f0, e.f1);
            }
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).isEqualTo(waited).contains("time@40", "time@2000");
        }
    }

    @Test
    void inTimeOrderAnEarlierEventFailsRatherThanBeAppliedOutOfOrder() throws Exception {
        try (var h = inTimeOrder()) {
            h.processElement("a", 20);
            assertThatThrownBy(() -> h.processElement("b", 10))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not in time order");
        }
    }
}
