package kz.migration.monitor.stay;

import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.json.Pseudonymiser;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * A person monitor with the default stay rules in a harness, keyed by person as the job keys it.
 */
final class PersonMonitorHarness {

    static final Pseudonymiser PSEUDONYMS = new Pseudonymiser("test-key");

    private PersonMonitorHarness() {}

    static KeyedOneInputStreamOperatorTestHarness<String, InputEvent, Alert> open()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new PersonMonitor(StayRules.defaults(), PSEUDONYMS, 5, Long.MAX_VALUE),
                InputEvent::personId,
                Types.STRING);
    }
}
