package kz.migration.monitor.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.TrafficGenerator;

/**
 * The generated traffic of a chaos run, day by day, each day closed by a tick on every input
 * partition.
 *
 * <p>A tick is a valid record stamped {@code lateness} and a second after the day ends, so once
 * every partition's tick is read the job's watermark stands exactly at {@link #watermarkAfter} the
 * day, whatever happened before: the day has ended, and nothing of the next one has happened (its
 * first second is left out of the traffic). {@code replay --as-of} that instant then gives exactly
 * the outputs the job must have committed by then. Ticks are ordinary input (a citizen's exit, a
 * de-registration, an end of employment, a quota of 2099), so replay sees them too. No record can
 * be late: the job runs without idleness, and each day's records all come before its ticks.
 */
final class ChaosTraffic {

    /** One record to produce; {@code partition} is set for ticks only. */
    record Rec(String topic, Integer partition, String key, String json, long timestamp) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TICK = "chaos-tick";

    private final Map<LocalDate, List<Rec>> days;
    private final Duration lateness;

    private ChaosTraffic(Map<LocalDate, List<Rec>> days, Duration lateness) {
        this.days = days;
        this.lateness = lateness;
    }

    /**
     * Generates {@code settings.days()} days of traffic; records the generator dates after the last
     * day are left out, those before the first day go into it.
     */
    static ChaosTraffic generate(GeneratorSettings settings, int partitions, Duration lateness) {
        LocalDate first = settings.start();
        LocalDate last = first.plusDays(settings.days() - 1L);
        Map<LocalDate, List<Rec>> days = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.put(d, new ArrayList<>());
        }
        new TrafficGenerator(settings)
                .generate(
                        (stream, key, json, occurredAt) -> {
                            LocalDate d = KazakhstanTime.dateOf(occurredAt);
                            if (occurredAt.isBefore(KazakhstanTime.startOf(d).plusSeconds(1))
                                    && d.isAfter(first)) {
                                return; // the barrier of the day before stands in this second
                            }
                            if (d.isBefore(first)) {
                                d = first;
                            }
                            List<Rec> day = days.get(d);
                            if (day != null) {
                                day.add(
                                        new Rec(
                                                stream,
                                                null,
                                                key,
                                                json,
                                                occurredAt.toEpochMilli()));
                            }
                        });
        ChaosTraffic traffic = new ChaosTraffic(days, lateness);
        days.forEach((d, records) -> records.addAll(traffic.ticks(d, partitions)));
        return traffic;
    }

    List<LocalDate> days() {
        return List.copyOf(days.keySet());
    }

    List<Rec> day(LocalDate d) {
        return days.get(d);
    }

    /**
     * Where the watermark stands once the day's ticks are read: 999 ms into the next day, which has
     * no record before its second second.
     */
    Instant watermarkAfter(LocalDate d) {
        return tickTime(d).minus(lateness).minusMillis(1);
    }

    private Instant tickTime(LocalDate d) {
        return KazakhstanTime.endOf(d).plus(lateness).plusSeconds(1);
    }

    List<Rec> ticks(LocalDate d, int partitions) {
        Instant at = tickTime(d);
        String occurredAt = OffsetDateTime.ofInstant(at, KazakhstanTime.OFFSET).toString();
        List<Rec> ticks = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            String id = TICK + "-" + d + "-" + p;
            String person = "CHAOS-TICK-" + p;
            for (String topic : Topics.inputs()) {
                ObjectNode r = JSON.createObjectNode();
                switch (topic) {
                    case Topics.BORDER_CROSSINGS ->
                            person(r, id, occurredAt, person)
                                    .put("direction", "EXIT")
                                    .put("checkpoint", "CHAOS-TICK")
                                    .put("region", "KZ-71");
                    case Topics.REGISTRATIONS ->
                            person(r, id, occurredAt, person)
                                    .put("kind", "DEREGISTRATION")
                                    .put("region", "KZ-71");
                    case Topics.EMPLOYMENT ->
                            person(r, id, occurredAt, person)
                                    .put("kind", "TERMINATED")
                                    .put("region", "KZ-71");
                    case Topics.REFERENCE_DATA ->
                            r.put("kind", "QUOTA")
                                    .put("occurredAt", occurredAt)
                                    .put("year", 2099)
                                    .put("region", "KZ-71")
                                    .put("category", "ALL")
                                    .put("limit", 0);
                    default -> throw new IllegalStateException("no tick for " + topic);
                }
                ticks.add(new Rec(topic, p, person, r.toString(), at.toEpochMilli()));
            }
        }
        return ticks;
    }

    private static ObjectNode person(ObjectNode r, String id, String occurredAt, String person) {
        return r.put("eventId", id)
                .put("occurredAt", occurredAt)
                .put("personId", person)
                .put("citizenship", "KAZ");
    }
}
