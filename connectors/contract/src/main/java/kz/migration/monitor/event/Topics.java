package kz.migration.monitor.event;

import java.util.List;
import java.util.stream.Stream;

/**
 * Names of the Kafka topics in the monitor's data contract: the one place they are spelled ({@link
 * SourceStream}, the generator, the job's sinks and the alert forwarder take them from here).
 *
 * <p>Inputs are written by upstream registries (and by the demo generator); outputs are written
 * only by the Flink jobs.
 */
public final class Topics {

    /** Border-crossing events from checkpoints. */
    public static final String BORDER_CROSSINGS = "border-crossings";

    /** Residence registrations and de-registrations. */
    public static final String REGISTRATIONS = "registrations";

    /** Employment contract events. */
    public static final String EMPLOYMENT = "employment";

    /** Slowly changing reference data (regions, checkpoints, thresholds). */
    public static final String REFERENCE_DATA = "reference-data";

    /** Alerts raised by the jobs. */
    public static final String ALERTS = "alerts";

    /** Windowed flow statistics. */
    public static final String FLOW_STATS = "flow-stats";

    /** Origin-destination flow matrix. */
    public static final String FLOW_MATRIX = "flow-matrix";

    /** Input records the jobs could not parse or validate. */
    public static final String DEAD_LETTERS = "dead-letters";

    private static final List<String> INPUTS =
            List.of(BORDER_CROSSINGS, REGISTRATIONS, EMPLOYMENT, REFERENCE_DATA);
    private static final List<String> OUTPUTS =
            List.of(ALERTS, FLOW_STATS, FLOW_MATRIX, DEAD_LETTERS);
    private static final List<String> ALL =
            Stream.concat(INPUTS.stream(), OUTPUTS.stream()).toList();

    private Topics() {}

    /** The input topics, in contract order; immutable. */
    public static List<String> inputs() {
        return INPUTS;
    }

    /** The output topics, in contract order; immutable. */
    public static List<String> outputs() {
        return OUTPUTS;
    }

    /** Inputs followed by outputs; immutable. */
    public static List<String> all() {
        return ALL;
    }
}
