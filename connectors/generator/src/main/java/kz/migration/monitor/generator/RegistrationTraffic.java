package kz.migration.monitor.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The residence register: moves within and between regions (net inflow to the three cities),
 * temporary and permanent residence of foreigners, emigration, and the two relocation programmes,
 * with about 6% of settlers going back early and a few kandas leaving their host region.
 */
final class RegistrationTraffic {

    /** Per border event at the design scale: 1.8 million residence changes against 30 million. */
    private static final double MOVES = 4_900.0 / 80_000;

    private static final double BETWEEN_REGIONS = 0.47;
    private static final double TEMPORARY = 1_800.0 / 80_000;
    private static final double PERMANENT = 65.0 / 80_000;
    private static final double EMIGRATION = 21.0 / 80_000;
    private static final double KANDAS = 2_281.0 / 365 / 80_000;
    private static final double SETTLERS = 5_997.0 / 365 / 80_000;
    private static final double SETTLERS_RETURNING = 0.06;
    private static final double KANDAS_LEAVING = 0.03;

    private static final WeightedChoice<String> RESIDENT_CITIZENSHIP =
            WeightedChoice.of(
                    "UZB", 30, "RUS", 20, "KGZ", 12, "CHN", 10, "TJK", 6, "TUR", 5, "IND", 3, "BLR",
                    2, "AZE", 2, "KOR", 2, "DEU", 1, "USA", 1, "MNG", 3, "TKM", 3);
    private static final WeightedChoice<String> IMMIGRANT_CITIZENSHIP =
            WeightedChoice.of(
                    "UZB", 35, "RUS", 25, "KGZ", 10, "TJK", 5, "TKM", 4, "BLR", 2, "AZE", 1, "CHN",
                    8, "MNG", 5, "TUR", 3, "DEU", 1, "AFG", 1);
    private static final WeightedChoice<String> KANDAS_CITIZENSHIP =
            WeightedChoice.of(
                    "UZB", 45, "CHN", 15, "MNG", 15, "TKM", 10, "RUS", 10, "KGZ", 3, "IRN", 2);

    private final SplittableRandom rng;
    private final IdSource ids;
    private final Schedule schedule;

    RegistrationTraffic(SplittableRandom rng, IdSource ids, Schedule schedule) {
        this.rng = rng;
        this.ids = ids;
        this.schedule = schedule;
    }

    void planDay(LocalDate day, int scale) {
        long dayStart = InstantText.startOf(day);
        double volume = scale * Volume.officeFactor(day);
        repeat(MOVES * volume, () -> move(dayStart));
        repeat(TEMPORARY * volume, () -> temporary(dayStart));
        repeat(PERMANENT * volume, () -> permanent(dayStart));
        repeat(EMIGRATION * volume, () -> emigration(dayStart));
        repeat(KANDAS * volume, () -> kandas(dayStart));
        repeat(SETTLERS * volume, () -> settler(dayStart));
    }

    private void repeat(double expected, Runnable plan) {
        int n = Volume.count(expected, rng);
        for (int i = 0; i < n; i++) {
            plan.run();
        }
    }

    private long officeHours(long dayStart) {
        return dayStart + Volume.officeTime(rng);
    }

    private void move(long dayStart) {
        String citizenship = rng.nextDouble() < 0.95 ? "KAZ" : (rng.nextBoolean() ? "RUS" : "UZB");
        RegionProfile from;
        RegionProfile to;
        if (rng.nextDouble() < BETWEEN_REGIONS) {
            from = Settlement.MOVE_FROM.pick(rng);
            do {
                to = Settlement.MOVE_TO.pick(rng);
            } while (to == from);
        } else {
            from = Settlement.BY_POPULATION.pick(rng);
            to = from;
        }
        String previousCity = rng.nextDouble() < 0.85 ? Settlement.cityIn(from, rng) : null;
        schedule.add(
                change(
                        officeHours(dayStart),
                        ids.newPerson(),
                        citizenship,
                        to.code(),
                        Settlement.cityIn(to, rng),
                        from.code(),
                        previousCity,
                        null));
    }

    private void temporary(long dayStart) {
        long at = officeHours(dayStart);
        RegionProfile region = Settlement.FOREIGN_RESIDENCE.pick(rng);
        String city = Settlement.cityIn(region, rng);
        LocalDate validUntil = InstantText.dateOf(at).plusDays(Volume.between(rng, 90, 365));
        long person = ids.newPerson();
        String citizenship = RESIDENT_CITIZENSHIP.pick(rng);
        schedule.add(
                new PlannedEvent.Registration(
                        at,
                        person,
                        citizenship,
                        "TEMPORARY_RESIDENCE",
                        region.code(),
                        city,
                        null,
                        null,
                        validUntil,
                        null));
        if (rng.nextDouble() < 0.25) {
            // some leave before their permit ends and deregister
            long leaveAt = at + (long) Volume.between(rng, 20, 85) * InstantText.DAY_SECONDS;
            schedule.add(
                    new PlannedEvent.Registration(
                            leaveAt,
                            person,
                            citizenship,
                            "DEREGISTRATION",
                            region.code(),
                            city,
                            null,
                            null,
                            null,
                            null));
        }
    }

    private void permanent(long dayStart) {
        RegionProfile region = Settlement.BY_POPULATION.pick(rng);
        schedule.add(
                new PlannedEvent.Registration(
                        officeHours(dayStart),
                        ids.newPerson(),
                        IMMIGRANT_CITIZENSHIP.pick(rng),
                        "PERMANENT_RESIDENCE",
                        region.code(),
                        Settlement.cityIn(region, rng),
                        null,
                        null,
                        null,
                        null));
    }

    private void emigration(long dayStart) {
        RegionProfile region = Settlement.BY_POPULATION.pick(rng);
        String citizenship = rng.nextDouble() < 0.7 ? "KAZ" : IMMIGRANT_CITIZENSHIP.pick(rng);
        schedule.add(
                new PlannedEvent.Registration(
                        officeHours(dayStart),
                        ids.newPerson(),
                        citizenship,
                        "DEREGISTRATION",
                        region.code(),
                        Settlement.cityIn(region, rng),
                        null,
                        null,
                        null,
                        null));
    }

    private void kandas(long dayStart) {
        long at = officeHours(dayStart);
        RegionProfile host = RegionProfile.byCode(Settlement.KANDAS_HOSTS.pick(rng));
        long person = ids.newPerson();
        String citizenship = KANDAS_CITIZENSHIP.pick(rng);
        schedule.add(
                new PlannedEvent.Registration(
                        at,
                        person,
                        citizenship,
                        "PERMANENT_RESIDENCE",
                        host.code(),
                        host.capital(),
                        null,
                        null,
                        null,
                        "KANDAS"));
        if (rng.nextDouble() < KANDAS_LEAVING) {
            // leaves early for a city: a contract breach the planners see
            RegionProfile city = RegionProfile.byCode(rng.nextBoolean() ? "KZ-75" : "KZ-71");
            schedule.add(
                    change(
                            later(at, 60, 900),
                            person,
                            citizenship,
                            city.code(),
                            city.capital(),
                            host.code(),
                            host.capital(),
                            null));
        }
    }

    private void settler(long dayStart) {
        long at = officeHours(dayStart);
        RegionProfile origin =
                RegionProfile.byCode(
                        Settlement.RESETTLEMENT_ORIGINS.get(
                                rng.nextInt(Settlement.RESETTLEMENT_ORIGINS.size())));
        String originCity = Settlement.cityIn(origin, rng);
        RegionProfile host = RegionProfile.byCode(Settlement.RESETTLEMENT_HOSTS.pick(rng));
        String hostCity = Settlement.cityIn(host, rng);
        long person = ids.newPerson();
        schedule.add(
                change(
                        at,
                        person,
                        "KAZ",
                        host.code(),
                        hostCity,
                        origin.code(),
                        originCity,
                        "RESETTLEMENT"));
        if (rng.nextDouble() < SETTLERS_RETURNING) {
            schedule.add(
                    change(
                            later(at, 30, 1_000),
                            person,
                            "KAZ",
                            origin.code(),
                            originCity,
                            host.code(),
                            hostCity,
                            null));
        }
    }

    /** Office hours on a day {@code min..max} days after {@code at}. */
    private long later(long at, int minDays, int maxDays) {
        long dayStart =
                InstantText.startOf(InstantText.dateOf(at))
                        + (long) Volume.between(rng, minDays, maxDays) * InstantText.DAY_SECONDS;
        return officeHours(dayStart);
    }

    private static PlannedEvent.Registration change(
            long at,
            long person,
            String citizenship,
            String region,
            String city,
            String previousRegion,
            String previousCity,
            String program) {
        return new PlannedEvent.Registration(
                at,
                person,
                citizenship,
                "RESIDENCE_CHANGE",
                region,
                city,
                previousRegion,
                previousCity,
                null,
                program);
    }
}
