package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Entry bans (Administrative Code art. 517): an overstay of more than ten days ends in expulsion
 * and a 5-year entry ban. About 10,000 foreigners were expelled in 2025 (domain notes), so at the
 * national scale the register holds some 50,000 bans of the last five years when the run starts;
 * the traffic's own overstayers of more than ten days are added at their exit. A few of the banned
 * are recorded entering anyway (a new passport, a lax checkpoint) and are deported a day or two
 * later; a court lifts a few bans early.
 *
 * <p>Bans are {@code ENTRY_BAN} reference records keyed {@code ENTRY_BAN|personId}: {@code until}
 * is the last day of the ban, five years after the expulsion; a lifted ban is a record whose {@code
 * until} is the day before it.
 */
final class EntryBans {

    /** Unlawful days after which art. 517 expels. */
    static final int EXPULSION_AFTER_DAYS = 10;

    static final int BAN_YEARS = 5;

    private static final double EXPELLED_PER_YEAR = 10_000;

    /** Share of the banned recorded entering in a year, and of bans lifted by a court. */
    private static final double ENTRIES_PER_BANNED_YEAR = 0.02;

    private static final double LIFTED_PER_BANNED_YEAR = 0.01;

    /** Share of the newly expelled who come back within the year. */
    private static final double RETURNING_EXPELLED = 0.05;

    private static final WeightedChoice<String> EXPELLED_CITIZENSHIP =
            WeightedChoice.of(
                    "UZB", 45, "TJK", 18, "KGZ", 8, "TKM", 5, "RUS", 4, "AZE", 3, "CHN", 4, "AFG",
                    3, "IND", 3, "PAK", 2, "MNG", 2, "TUR", 2, "IRN", 1);

    private record Banned(long person, String citizenship, LocalDate until) {}

    private final SplittableRandom rng;
    private final IdSource ids;
    private final Schedule schedule;
    private final CheckpointChoice checkpoints;
    private final InstantText time = InstantText.create();
    private final List<Banned> register = new ArrayList<>();

    EntryBans(SplittableRandom rng, IdSource ids, Schedule schedule, CheckpointChoice checkpoints) {
        this.rng = rng;
        this.ids = ids;
        this.schedule = schedule;
        this.checkpoints = checkpoints;
    }

    /**
     * The bans in force at {@code start}: the expulsions of the five years before it, scaled like
     * the traffic, each valid from {@code validFrom} (the register as the monitor first reads it).
     */
    List<ObjectNode> register(long validFrom, LocalDate start, int scale) {
        int count =
                Volume.count(
                        EXPELLED_PER_YEAR
                                * BAN_YEARS
                                * scale
                                / (double) GeneratorSettings.DEFAULT_SCALE,
                        rng);
        int daysBack = (int) (start.toEpochDay() - start.minusYears(BAN_YEARS).toEpochDay());
        List<ObjectNode> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate expelled = start.minusDays(Volume.between(rng, 1, daysBack));
            Banned b =
                    new Banned(
                            ids.newPerson(),
                            EXPELLED_CITIZENSHIP.pick(rng),
                            expelled.plusYears(BAN_YEARS));
            register.add(b);
            records.add(ban(validFrom, b.person(), b.citizenship(), b.until()));
        }
        return records;
    }

    /**
     * A traveller expelled at {@code exitAt}: banned from that day on; some come back through the
     * same checkpoint.
     */
    void expelled(long person, String citizenship, long exitAt, Checkpoint checkpoint) {
        long bannedAt = exitAt + Volume.between(rng, 600, 3 * 3600);
        LocalDate until = InstantText.dateOf(bannedAt).plusYears(BAN_YEARS);
        schedule.add(reference(bannedAt, person, citizenship, until));
        if (rng.nextDouble() < RETURNING_EXPELLED) {
            long back =
                    InstantText.startOf(InstantText.dateOf(bannedAt))
                            + (long) Volume.between(rng, 20, 365) * InstantText.DAY_SECONDS
                            + Volume.timeOfDay(rng);
            bannedEntry(person, citizenship, back, checkpoint);
        }
        register.add(new Banned(person, citizenship, until));
    }

    /** The day's entries of banned people and lifted bans. */
    void planDay(LocalDate day, int scale) {
        if (register.isEmpty()) {
            return;
        }
        long dayStart = InstantText.startOf(day);
        int entries = Volume.count(register.size() * ENTRIES_PER_BANNED_YEAR / 365, rng);
        for (int i = 0; i < entries; i++) {
            Banned b = register.get(rng.nextInt(register.size()));
            bannedEntry(
                    b.person(),
                    b.citizenship(),
                    dayStart + Volume.timeOfDay(rng),
                    checkpoints.forCitizen(b.citizenship(), rng));
        }
        int lifted = Volume.count(register.size() * LIFTED_PER_BANNED_YEAR / 365, rng);
        for (int i = 0; i < lifted; i++) {
            Banned b = register.remove(rng.nextInt(register.size()));
            schedule.add(
                    reference(
                            dayStart + Volume.officeTime(rng),
                            b.person(),
                            b.citizenship(),
                            day.minusDays(1)));
        }
    }

    /** An ENTRY of a banned person, deported through the same checkpoint a day or two later. */
    private void bannedEntry(long person, String citizenship, long at, Checkpoint checkpoint) {
        schedule.add(
                new PlannedEvent.Crossing(
                        at, person, citizenship, checkpoint, true, "PRIVATE", null));
        long deported =
                InstantText.startOf(InstantText.dateOf(at))
                        + (long) Volume.between(rng, 1, 2) * InstantText.DAY_SECONDS
                        + Volume.officeTime(rng);
        schedule.add(
                new PlannedEvent.Crossing(
                        deported, person, citizenship, checkpoint, false, null, null));
    }

    private PlannedEvent.Reference reference(
            long at, long person, String citizenship, LocalDate until) {
        return new PlannedEvent.Reference(
                at, keyOf(ids.personId(person)), ban(at, person, citizenship, until));
    }

    private ObjectNode ban(long at, long person, String citizenship, LocalDate until) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("kind", "ENTRY_BAN");
        json.put("occurredAt", time.format(at));
        json.put("personId", ids.personId(person));
        json.put("until", until.toString());
        json.put("citizenship", citizenship);
        return json;
    }

    static String keyOf(String personId) {
        return "ENTRY_BAN|" + personId;
    }
}
