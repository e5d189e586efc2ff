package kz.migration.monitor.flows;

import java.time.Duration;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import kz.migration.monitor.metrics.LabelledCounters;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The daily region-to-region move matrix: residence changes between two different regions, counted
 * per Kazakhstan day (windows aligned to 00:00+05:00).
 */
public final class FlowMatrix {

    private FlowMatrix() {}

    public static DataStream<FlowMatrixRow> of(DataStream<Registration> registrations) {
        return registrations
                .filter(
                        r ->
                                r.kind() == RegistrationKind.RESIDENCE_CHANGE
                                        && r.previousRegion() != r.region())
                .uid("interregional-moves")
                .name("Interregional moves")
                .keyBy(RegionPair::of, RegionPair.TYPE)
                .window(TumblingEventTimeWindows.of(Duration.ofDays(1), Duration.ofHours(-5)))
                .aggregate(new CountMoves(), new ToRow())
                .returns(MonitorTypes.of(FlowMatrixRow.class))
                .uid("flow-matrix")
                .name("Daily flow matrix");
    }

    /** Counts the moves of one pair on one day. */
    static final class CountMoves implements AggregateFunction<Registration, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Registration value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Turns a pair's daily count into a row. */
    static final class ToRow
            extends ProcessWindowFunction<Long, FlowMatrixRow, RegionPair, TimeWindow> {
        private static final long serialVersionUID = 1L;
        private transient LabelledCounters residenceMoves;

        @Override
        public void open(OpenContext openContext) {
            residenceMoves =
                    new LabelledCounters(
                            getRuntimeContext().getMetricGroup(),
                            "migration_residence_moves_total",
                            "from_region",
                            "to_region");
        }

        @Override
        public void process(
                RegionPair pair, Context ctx, Iterable<Long> counts, Collector<FlowMatrixRow> out) {
            long moves = counts.iterator().next();
            residenceMoves.add(moves, pair.from(), pair.to());
            out.collect(
                    new FlowMatrixRow(
                            KazakhstanTime.dateOf(ctx.window().getStart()),
                            pair.fromRegion(),
                            pair.toRegion(),
                            moves));
        }
    }
}
