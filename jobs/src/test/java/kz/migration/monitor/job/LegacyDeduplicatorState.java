package kz.migration.monitor.job;

import java.time.Duration;
import kz.migration.monitor.event.InputEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Remembers each id it is given as {@link Deduplicator} of the versions before did once the id had
 * passed: its instant under "passed-at", without a time to live, and a timer at the end of its
 * retention, so that a snapshot of it stands for such a savepoint.
 */
final class LegacyDeduplicatorState extends KeyedProcessFunction<EventKey, InputEvent, InputEvent> {

    private static final long serialVersionUID = 1L;

    private final long retentionMillis;
    private transient ValueState<Long> passedAt;

    LegacyDeduplicatorState(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        passedAt =
                getRuntimeContext().getState(new ValueStateDescriptor<>("passed-at", Types.LONG));
    }

    @Override
    public void processElement(InputEvent e, Context ctx, Collector<InputEvent> out)
            throws Exception {
        passedAt.update(e.timestamp());
        ctx.timerService().registerEventTimeTimer(e.timestamp() + retentionMillis);
    }
}
