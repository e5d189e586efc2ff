package kz.migration.monitor.stay;

import java.time.Duration;
import java.util.Comparator;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.pipeline.EventTimeOrderedFunction;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Writes what {@link PersonMonitor} of the versions before kept of a person who entered: the values
 * "stay" and "wake-up" (and the TTL they had in the streaming job), and the wake-up scheduled in
 * the ordered buffer, so that a snapshot of it stands for such a savepoint.
 */
final class LegacyPersonState extends EventTimeOrderedFunction<String, InputEvent, Alert> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<StayLedger> stay;
    private transient ValueState<Long> wakeUp;

    LegacyPersonState() {
        super(MonitorTypes.INPUT_EVENT, Long.MAX_VALUE);
    }

    @Override
    protected void openState(OpenContext openContext) {
        var d = new ValueStateDescriptor<>("stay", StayLedger.class);
        d.enableTimeToLive(
                StateTtlConfig.newBuilder(Duration.ofDays(5 * 366 + 180))
                        .cleanupIncrementally(1, false)
                        .build());
        stay = getRuntimeContext().getState(d);
        wakeUp = getRuntimeContext().getState(new ValueStateDescriptor<>("wake-up", Types.LONG));
    }

    @Override
    protected Comparator<InputEvent> order() {
        return InputEvent.PROCESSING_ORDER;
    }

    @Override
    protected void onEvent(InputEvent event, long timestamp, Context ctx, Collector<Alert> out)
            throws Exception {
        BorderCrossing c = (BorderCrossing) event;
        stay.update(
                StayLedger.ABSENT.entered(c.occurredAt(), c.citizenship(), c.region(), c.city()));
        // The end of the 30th day of the stay, as the old monitor scheduled its first mark.
        long wake = KazakhstanTime.endMillisOf(KazakhstanTime.dateOf(c.occurredAt()).plusDays(30));
        scheduleAt(ctx, wake);
        wakeUp.update(wake);
    }
}
