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
 * Writes what {@link PersonMonitor} of a version before kept of a person who entered, with the TTL
 * it had in the streaming job and the wake-up scheduled in the ordered buffer's own state
 * ("schedule"), so that a snapshot of it stands for such a savepoint.
 */
final class LegacyPersonState extends EventTimeOrderedFunction<String, InputEvent, Alert> {

    /** How a version kept the person. */
    enum Form {
        /** The values "stay" and "wake-up", apart (and "documents" and "contract"). */
        VALUES,
        /** One {@link PersonFile}, "person", with the schedule apart from it. */
        FILE
    }

    private static final long serialVersionUID = 1L;

    private static final StateTtlConfig TTL =
            StateTtlConfig.newBuilder(Duration.ofDays(5 * 366 + 180))
                    .cleanupIncrementally(1, false)
                    .build();

    private final Form form;
    private transient ValueState<StayLedger> stay;
    private transient ValueState<Long> wakeUp;
    private transient ValueState<PersonFile> person;

    LegacyPersonState(Form form) {
        super(MonitorTypes.INPUT_EVENT, Long.MAX_VALUE);
        this.form = form;
    }

    @Override
    protected void openState(OpenContext openContext) {
        if (form == Form.FILE) {
            var d = new ValueStateDescriptor<>("person", MonitorTypes.of(PersonFile.class));
            d.enableTimeToLive(TTL);
            person = getRuntimeContext().getState(d);
            return;
        }
        var d = new ValueStateDescriptor<>("stay", StayLedger.class);
        d.enableTimeToLive(TTL);
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
        StayLedger entered =
                StayLedger.ABSENT.entered(c.occurredAt(), c.citizenship(), c.region(), c.city());
        // The end of the 30th day of the stay, as the old monitor scheduled its first mark.
        long wake = KazakhstanTime.endMillisOf(KazakhstanTime.dateOf(c.occurredAt()).plusDays(30));
        scheduleAt(ctx, wake);
        if (form == Form.FILE) {
            person.update(new PersonFile(entered, null, null, wake));
        } else {
            stay.update(entered);
            wakeUp.update(wake);
        }
    }
}
