package kz.migration.monitor.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Purpose;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Valid events made directly from an index, in event-time order, for the state-scale bench: writing
 * and parsing files of ten million lines would take longer than the state it builds.
 *
 * <ul>
 *   <li>indices {@code [0, people)}: each person's entry with a visa of a year (an open stay and a
 *       document in the person's state), spread evenly over {@code fillDays};
 *   <li>{@code [people, people + changes)}: a day of changes to people already in state, every
 *       other one an exit, the others a temporary residence registration;
 *   <li>then the probe: person 0, who entered first on a visa of five days and has overstayed
 *       since, leaves ({@code OVERSTAY_ENDED}, which only a restored stay can raise), and a new
 *       person's entry a minute later moves the watermark past that exit.
 * </ul>
 */
final class GeneratedPeople implements GeneratorFunction<Long, IngestedRecord> {

    private static final long serialVersionUID = 1L;

    /** The events after the changes: the probe's exit and the entry that moves the watermark. */
    static final int PROBE_EVENTS = 2;

    /** The first entry, 2026-06-01 00:00 Astana time. */
    static final Instant START = Instant.parse("2026-05-31T19:00:00Z");

    private static final List<String> CITIZENSHIPS =
            List.of("UZB", "RUS", "KGZ", "CHN", "TJK", "TUR", "IND", "AZE", "KOR", "DEU");

    private record Place(Region region, String city, String checkpoint) {}

    private static final List<Place> PLACES =
            List.of(
                    new Place(Region.KZ_75, "Almaty", "ALA-AIRPORT"),
                    new Place(Region.KZ_71, "Astana", "NQZ-AIRPORT"),
                    new Place(Region.KZ_61, "Zhibek Zholy", "ZHIBEK-ZHOLY"),
                    new Place(Region.KZ_79, "Shymkent", "CIT-AIRPORT"),
                    new Place(Region.KZ_31, "Kordai", "KORDAI"),
                    new Place(Region.KZ_15, "Aktobe", "AKX-AIRPORT"),
                    new Place(Region.KZ_59, "Petropavl", "KYZYLZHAR"));

    private final long people;
    private final long changes;
    private final long fillMillis;

    GeneratedPeople(long people, long changes, int fillDays) {
        if (people < 2 || changes < 0 || changes >= people) {
            throw new IllegalArgumentException(
                    "need at least 2 people and fewer changes than people");
        }
        this.people = people;
        this.changes = changes;
        this.fillMillis = Duration.ofDays(fillDays).toMillis();
    }

    /** The index of the first change, where the source stops until changes are let through. */
    long firstChange() {
        return people;
    }

    /** The index of the probe's first event, where the source stops before a restore. */
    long firstProbe() {
        return people + changes;
    }

    /**
     * How many indices the source counts: one more than it is ever let emit, so that it never ends
     * (an ended source would move the watermark to the end of time and fire every timer).
     */
    long count() {
        return people + changes + PROBE_EVENTS + 1;
    }

    @Override
    public IngestedRecord map(Long boxed) {
        long i = boxed;
        InputEvent e;
        if (i < people) {
            Instant at = START.plusMillis(i * (fillMillis / people));
            e = entry(i, i, at, i == 0 ? 5 : 365);
        } else if (i < people + changes) {
            long j = i - people;
            long stride = (people - 1) / changes;
            long person = 1 + j * stride;
            Instant at =
                    START.plusMillis(fillMillis + j * (Duration.ofDays(1).toMillis() / changes));
            e = j % 2 == 0 ? exit(i, person, at) : residence(i, person, at);
        } else {
            Instant at = START.plusMillis(fillMillis + Duration.ofDays(2).toMillis());
            e =
                    i == people + changes
                            ? exit(i, 0, at)
                            : entry(i, people + (i - people - changes), at.plusSeconds(60), 365);
        }
        return new IngestedRecord(e, null, null);
    }

    private static BorderCrossing entry(long index, long person, Instant at, int visaDays) {
        Place p = PLACES.get((int) (person % PLACES.size()));
        LocalDate day = KazakhstanTime.dateOf(at);
        return new BorderCrossing(
                eventId(index),
                at,
                personId(person),
                citizenship(person),
                Direction.ENTRY,
                p.checkpoint(),
                p.region(),
                p.city(),
                person % 3 == 0 ? Purpose.WORK : Purpose.PRIVATE,
                day.plusDays(visaDays));
    }

    private static BorderCrossing exit(long index, long person, Instant at) {
        Place p = PLACES.get((int) (person % PLACES.size()));
        return new BorderCrossing(
                eventId(index),
                at,
                personId(person),
                citizenship(person),
                Direction.EXIT,
                p.checkpoint(),
                p.region(),
                p.city(),
                null,
                null);
    }

    private static Registration residence(long index, long person, Instant at) {
        Place p = PLACES.get((int) ((person + 1) % PLACES.size()));
        return new Registration(
                eventId(index),
                at,
                personId(person),
                citizenship(person),
                RegistrationKind.TEMPORARY_RESIDENCE,
                p.region(),
                p.city(),
                null,
                null,
                KazakhstanTime.dateOf(at).plusYears(1),
                null);
    }

    /** Person 0 is the probe, a Chinese citizen: 30 visa-free days, so the overstay is real. */
    private static String citizenship(long person) {
        return person == 0 ? "CHN" : CITIZENSHIPS.get((int) (person % CITIZENSHIPS.size()));
    }

    /** Shaped as the generator's: {@code P} and nine digits (ten for more than 10^9 people). */
    private static String personId(long person) {
        String digits = Long.toString(person);
        return "P" + "0".repeat(Math.max(0, 9 - digits.length())) + digits;
    }

    private static String eventId(long index) {
        return new UUID(0x5ca1e5ca1e5ca1eL, index).toString();
    }
}
