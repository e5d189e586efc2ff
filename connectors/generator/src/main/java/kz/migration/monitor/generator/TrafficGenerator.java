package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import kz.migration.monitor.event.Topics;

/**
 * A seeded, deterministic generator of Kazakhstan's migration traffic: border crossings, residence
 * registrations, work permits and hires, plus the {@link DefaultReferenceData} at the start of the
 * first day.
 *
 * <p>Records reach the sink in (roughly) event-time order, day after day. Only one day's events and
 * the pending future events of people already on the move (exits, returns, hires) are held, so
 * memory does not grow with the number of days and a national year can be generated. Before the
 * first day a warm-up plans the trips of the preceding months without emitting them, so that
 * visitors already in the country leave during the first days and entries and exits balance from
 * the start (their EXITs have no ENTRY in the output, as for a monitor started mid-stream).
 *
 * <p>The same settings give the same records in the same order, byte for byte. The disorder shares
 * do not change the valid traffic, only how it is delivered.
 */
public final class TrafficGenerator {

    private final GeneratorSettings settings;

    public TrafficGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /**
     * Generates every record into {@code sink}.
     *
     * @return records delivered per stream, in the order of {@link Topics#inputs()} (malformed
     *     records and duplicates included)
     */
    public Map<String, Long> generate(GeneratedRecordSink sink) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Topics.inputs().forEach(s -> counts.put(s, 0L));
        GeneratedRecordSink counting =
                (stream, key, json, occurredAt) -> {
                    counts.merge(stream, 1L, Long::sum);
                    sink.accept(stream, key, json, occurredAt);
                };

        SplittableRandom root = new SplittableRandom(settings.seed());
        // one source per concern, so that e.g. more disorder leaves the valid traffic unchanged
        IdSource ids = new IdSource(root.split());
        SplittableRandom borderRng = root.split();
        SplittableRandom registrationRng = root.split();
        SplittableRandom employmentRng = root.split();
        SplittableRandom disorderRng = root.split();

        long firstSecond = InstantText.startOf(settings.start());
        Schedule schedule = new Schedule(firstSecond);
        InstantText time = InstantText.create();
        RecordRenderer renderer = new RecordRenderer(ids, time);
        DeliveryDisorder delivery = new DeliveryDisorder(settings, disorderRng, time, counting);
        BorderTraffic border = new BorderTraffic(borderRng, ids, schedule, firstSecond);
        RegistrationTraffic registrations = new RegistrationTraffic(registrationRng, ids, schedule);
        EmploymentTraffic employment = new EmploymentTraffic(employmentRng, ids, schedule);

        Instant validFrom = Instant.ofEpochSecond(firstSecond);
        for (ObjectNode record : DefaultReferenceData.records(validFrom)) {
            counting.accept(
                    Topics.REFERENCE_DATA,
                    DefaultReferenceData.keyOf(record),
                    record.toString(),
                    validFrom);
        }
        for (int back = BorderTraffic.longestTripDays(); back >= 1; back--) {
            border.planDay(settings.start().minusDays(back), settings.scale());
        }
        for (int d = 0; d < settings.days(); d++) {
            LocalDate day = settings.start().plusDays(d);
            border.planDay(day, settings.scale());
            registrations.planDay(day, settings.scale());
            employment.planDay(day, settings.scale());
            long dayEnd = InstantText.startOf(day.plusDays(1));
            for (PlannedEvent e = schedule.pollBefore(dayEnd);
                    e != null;
                    e = schedule.pollBefore(dayEnd)) {
                delivery.offer(renderer.render(e));
            }
        }
        delivery.flush();
        return Collections.unmodifiableMap(counts);
    }
}
