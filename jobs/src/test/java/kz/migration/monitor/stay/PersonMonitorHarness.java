package kz.migration.monitor.stay;

import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.InputEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * A person monitor with the default stay rules in a harness, keyed by person as the job keys it.
 */
final class PersonMonitorHarness {

    private PersonMonitorHarness() {}

    static KeyedOneInputStreamOperatorTestHarness<String, InputEvent, Alert> open()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new PersonMonitor(StayRules.defaults(), 5, Long.MAX_VALUE),
                InputEvent::subjectRef,
                Types.STRING);
    }
}
