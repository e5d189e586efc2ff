package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * A few cases planned in the first 30 days of every run, at every scale, so that even a short or
 * small run (the demo's history, a test) raises every alert of the contract. Each is an ordinary
 * case of the real traffic, only made sure of here; all are delivered exactly, without disorder.
 *
 * <ol>
 *   <li>A visitor from India (14 days per entry) stays 26 days: overstays of 1, 4 and 11 days, an
 *       ended overstay of 12 days at the exit, expulsion with a 5-year ban, and an entry three days
 *       later despite the ban.
 *   <li>A settler moves from Turkistan to North Kazakhstan under the resettlement programme and
 *       goes back after 11 days: a breach of the social contract, a return.
 *   <li>A citizen of Tajikistan is hired on an Almaty building site without a permit.
 *   <li>Atyrau issues a permit for a services job, a sector its shortage list keeps closed.
 *   <li>Alatau, the new city north of Almaty, hands over its first residential quarter: families
 *       from Almaty register there within three days, above the 7-day threshold its planners set.
 *   <li>Turkistan, which set its CAT4 quota to zero, is given 2 for a new textile plant on day 10;
 *       the akimat issues both and a third beyond the quota: a warning, then a breach.
 * </ol>
 */
final class Storylines {

    static final String NEW_CITY = "Alatau";
    static final String NEW_CITY_REGION = "KZ-19";

    /** The quota cell that the national split leaves at zero (DefaultReferenceData). */
    static final String QUOTA_REGION = "KZ-61";

    static final String QUOTA_CATEGORY = "CAT4";
    static final int QUOTA_LIMIT = 2;

    private static final long HOUR = 3600;

    private final IdSource ids;
    private final Schedule schedule;
    private final long day0;
    private final int scale;
    private final InstantText time = InstantText.create();
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    Storylines(IdSource ids, Schedule schedule, LocalDate start, int scale) {
        this.ids = ids;
        this.schedule = schedule;
        this.day0 = InstantText.startOf(start);
        this.scale = scale;
    }

    /** The reference records the storylines need from the start: the new city's threshold. */
    List<ObjectNode> initialReferenceData() {
        ObjectNode threshold = json.objectNode();
        threshold.put("kind", "INFLOW_THRESHOLD");
        threshold.put("occurredAt", time.format(day0));
        threshold.put("region", NEW_CITY_REGION);
        threshold.put("city", NEW_CITY);
        threshold.put("netInflow7d", newCityThreshold(scale));
        return List.of(threshold);
    }

    /** The new city's 7-day threshold: 200 at the national scale, at least 5. */
    static int newCityThreshold(int scale) {
        return Math.max(5, (int) Math.round(200.0 * scale / GeneratorSettings.DEFAULT_SCALE));
    }

    /** Plans every storyline into the schedule. */
    void plan() {
        expelledOverstayer();
        returningSettler();
        unauthorisedHire();
        permitOutsideShortageList();
        newCityHandOver();
        quotaGivenAndExceeded();
    }

    private void expelledOverstayer() {
        long person = ids.newPerson();
        Checkpoint airport = Checkpoint.byCode("ALA-AIRPORT");
        exact(crossing(at(0, 10.3), person, "IND", airport, true, "TOURISM"));
        long exit = at(25, 14.1);
        exact(crossing(exit, person, "IND", airport, false, null));
        long banned = exit + 3 * HOUR;
        ObjectNode ban = json.objectNode();
        ban.put("kind", "ENTRY_BAN");
        ban.put("occurredAt", time.format(banned));
        ban.put("personId", ids.personId(person));
        ban.put("until", InstantText.dateOf(banned).plusYears(EntryBans.BAN_YEARS).toString());
        ban.put("citizenship", "IND");
        schedule.add(
                new PlannedEvent.Reference(banned, EntryBans.keyOf(ids.personId(person)), ban));
        exact(crossing(at(28, 9.7), person, "IND", airport, true, "PRIVATE"));
        exact(crossing(at(29, 12), person, "IND", airport, false, null));
    }

    private void returningSettler() {
        long person = ids.newPerson();
        exact(move(at(1, 11), person, "KZ-59", "Petropavl", "KZ-61", "Kentau", "RESETTLEMENT"));
        exact(move(at(12, 10.5), person, "KZ-61", "Kentau", "KZ-59", "Petropavl", null));
    }

    private void unauthorisedHire() {
        exact(hire(at(2, 11.5), ids.newPerson(), "TJK", "KZ-75", "Almaty", "CONSTRUCTION"));
    }

    private void permitOutsideShortageList() {
        long person = ids.newPerson();
        long issued = at(4, 10);
        exact(permit(issued, person, "TUR", "KZ-23", "Atyrau", "CAT3", "SERVICES", 180));
        exact(hire(issued + 24 * HOUR, person, "TUR", "KZ-23", "Atyrau", "SERVICES"));
    }

    private void newCityHandOver() {
        int threshold = newCityThreshold(scale);
        int families = threshold + Math.max(3, threshold / 2);
        for (int i = 0; i < families; i++) {
            // office hours of days 8, 9 and 10, evenly
            long at = at(8 + i % 3, 9 + 9.0 * i / families);
            exact(move(at, ids.newPerson(), NEW_CITY_REGION, NEW_CITY, "KZ-75", "Almaty", null));
        }
    }

    private void quotaGivenAndExceeded() {
        long at = at(10, 9);
        int year = InstantText.dateOf(at).getYear();
        quota(at, year, QUOTA_CATEGORY, QUOTA_LIMIT);
        if (year == DefaultReferenceData.YEAR) {
            // the region's ALL quota grows with it, as the sum of its categories
            quota(
                    at,
                    year,
                    DefaultReferenceData.ALL,
                    DefaultReferenceData.quota(QUOTA_REGION, DefaultReferenceData.ALL)
                            + QUOTA_LIMIT);
        }
        String[] holders = {"CHN", "TUR", "UZB"};
        int[] days = {11, 12, 14};
        for (int i = 0; i < days.length; i++) {
            long person = ids.newPerson();
            long issued = at(days[i], 10);
            exact(
                    permit(
                            issued,
                            person,
                            holders[i],
                            QUOTA_REGION,
                            "Turkistan",
                            QUOTA_CATEGORY,
                            "MANUFACTURING",
                            365));
            exact(
                    hire(
                            issued + 24 * HOUR,
                            person,
                            holders[i],
                            QUOTA_REGION,
                            "Turkistan",
                            "MANUFACTURING"));
        }
    }

    private void quota(long at, int year, String category, int limit) {
        ObjectNode quota = json.objectNode();
        quota.put("kind", "QUOTA");
        quota.put("occurredAt", time.format(at));
        quota.put("year", year);
        quota.put("region", QUOTA_REGION);
        quota.put("category", category);
        quota.put("limit", limit);
        schedule.add(new PlannedEvent.Reference(at, DefaultReferenceData.keyOf(quota), quota));
    }

    /** Epoch second of {@code hours} (fractional) into day {@code day} of the run. */
    private long at(int day, double hours) {
        return day0 + (long) day * InstantText.DAY_SECONDS + Math.round(hours * HOUR);
    }

    private void exact(PlannedEvent event) {
        schedule.add(new PlannedEvent.Exact(event));
    }

    private static PlannedEvent crossing(
            long at,
            long person,
            String citizenship,
            Checkpoint checkpoint,
            boolean entry,
            String purpose) {
        return new PlannedEvent.Crossing(at, person, citizenship, checkpoint, entry, purpose, null);
    }

    private static PlannedEvent move(
            long at,
            long person,
            String region,
            String city,
            String previousRegion,
            String previousCity,
            String program) {
        return new PlannedEvent.Registration(
                at,
                person,
                "KAZ",
                "RESIDENCE_CHANGE",
                region,
                city,
                previousRegion,
                previousCity,
                null,
                program);
    }

    private PlannedEvent permit(
            long at,
            long person,
            String citizenship,
            String region,
            String city,
            String category,
            String sector,
            int validDays) {
        return new PlannedEvent.Employment(
                at,
                person,
                citizenship,
                "PERMIT_ISSUED",
                region,
                city,
                ids.newPermitId(InstantText.dateOf(at).getYear()),
                category,
                InstantText.dateOf(at).plusDays(validDays - 1),
                sector,
                employer(region));
    }

    private static PlannedEvent hire(
            long at, long person, String citizenship, String region, String city, String sector) {
        return new PlannedEvent.Employment(
                at,
                person,
                citizenship,
                "HIRED",
                region,
                city,
                null,
                null,
                null,
                sector,
                employer(region));
    }

    private static String employer(String region) {
        return "E" + region.substring(3) + "0042";
    }
}
