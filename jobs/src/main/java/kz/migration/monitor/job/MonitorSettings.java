package kz.migration.monitor.job;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.stay.StayRules;

/**
 * How the monitor job behaves. How far events may arrive out of order is a matter of the sources
 * (their watermarks, see {@link KafkaInputs.Config}), not of the dataflow.
 *
 * @param horizon the as-of instant of a replay or bounded run: nothing after it is processed or
 *     reported; {@code null} for none
 * @param fixedReceivedAt the {@code receivedAt} of late events' dead letters in a replay
 * @param pseudonymiser keys the {@code subjectRef} that the sources put in place of the raw {@code
 *     personId}; no operator after them sees the raw identifier
 * @param contractYears how long a relocation contract binds
 * @param dedupRetention how long (event time) an {@code eventId} is remembered
 * @param inflowThresholds default {@code INFLOW_SURGE} thresholds of regions
 */
public record MonitorSettings(
        Instant horizon,
        Instant fixedReceivedAt,
        StayRules stayRules,
        Pseudonymiser pseudonymiser,
        int contractYears,
        Duration dedupRetention,
        Map<Region, Long> inflowThresholds)
        implements Serializable {

    /** The contract's default thresholds: Astana and Almaty 2,000, Shymkent 1,500. */
    public static final Map<Region, Long> DEFAULT_THRESHOLDS =
            Map.of(Region.KZ_71, 2000L, Region.KZ_75, 2000L, Region.KZ_79, 1500L);

    /** Streaming defaults with the given pseudonymiser. */
    public static MonitorSettings streaming(Pseudonymiser pseudonymiser) {
        return new MonitorSettings(
                null,
                null,
                StayRules.defaults(),
                pseudonymiser,
                5,
                Duration.ofDays(30),
                DEFAULT_THRESHOLDS);
    }

    /** Time standing at {@code asOf}, as in a replay or a bounded run. */
    public MonitorSettings asOf(Instant asOf) {
        return new MonitorSettings(
                asOf,
                asOf,
                stayRules,
                pseudonymiser,
                contractYears,
                dedupRetention,
                inflowThresholds);
    }

    /** The same settings with other stay rules and contract length. */
    public MonitorSettings withRules(StayRules stayRules, int contractYears) {
        return new MonitorSettings(
                horizon,
                fixedReceivedAt,
                stayRules,
                pseudonymiser,
                contractYears,
                dedupRetention,
                inflowThresholds);
    }

    public long horizonMillis() {
        return horizon == null ? Long.MAX_VALUE : horizon.toEpochMilli();
    }
}
