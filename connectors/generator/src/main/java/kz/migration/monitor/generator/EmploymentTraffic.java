package kz.migration.monitor.generator;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Work permits and hires. Permits are issued per region and category at about 95% of the regional
 * 2026 quotas over a year (so some regions come near their limits), mostly to citizens of China,
 * Uzbekistan, Turkey and India; most holders are HIRED within two weeks. Where a region publishes a
 * {@link ShortageList}, permits go to its open sectors, except for a few outside it. Citizens of
 * Kazakhstan and the EAEU are hired without permits, and a few others without one too:
 * unauthorised.
 */
final class EmploymentTraffic {

    private static final double QUOTA_USE = 0.95;

    /** Hires that need no permit, per permit issued. */
    private static final double FREE_HIRES_PER_PERMIT = 3.0;

    private static final double UNAUTHORISED_PER_PERMIT = 0.08;

    private static final WeightedChoice<String> HOLDER =
            WeightedChoice.of(
                    "CHN", 30, "UZB", 20, "TUR", 15, "IND", 10, "TJK", 5, "PAK", 3, "VNM", 3, "KOR",
                    3, "GBR", 2, "DEU", 2, "ITA", 1, "PHL", 2, "IRN", 2, "AZE", 2);
    private static final WeightedChoice<String> FREE_WORKER =
            WeightedChoice.of("KAZ", 50, "KGZ", 20, "RUS", 15, "ARM", 10, "BLR", 5);
    private static final WeightedChoice<String> UNAUTHORISED =
            WeightedChoice.of("UZB", 50, "TJK", 25, "CHN", 10, "AFG", 5, "TKM", 5, "IND", 5);

    /** Sectors of permits and hires; their order is the order of the picks. */
    private static final Map<String, Integer> SECTOR_WEIGHTS =
            weights(
                    "CONSTRUCTION",
                    35,
                    "MINING",
                    10,
                    "MANUFACTURING",
                    10,
                    "SERVICES",
                    15,
                    "IT",
                    8,
                    "HEALTH",
                    3,
                    "EDUCATION",
                    4,
                    "AGRICULTURE",
                    5,
                    "OTHER",
                    10);

    private static final Map<String, Integer> SEASONAL_SECTOR_WEIGHTS =
            weights("AGRICULTURE", 80, "CONSTRUCTION", 20);
    private static final WeightedChoice<String> SECTOR = choice(SECTOR_WEIGHTS, s -> true);
    private static final WeightedChoice<String> SEASONAL_SECTOR =
            choice(SEASONAL_SECTOR_WEIGHTS, s -> true);

    /**
     * Share of the permits of a region with a shortage list that the akimat issues for a sector the
     * list keeps closed.
     */
    private static final double OUTSIDE_SHORTAGE_LIST = 0.03;

    private final SplittableRandom rng;
    private final IdSource ids;
    private final Schedule schedule;
    private final Map<String, WeightedChoice<RegionProfile>> quotaRegions = new TreeMap<>();
    private final WeightedChoice<RegionProfile> anyQuotaRegion;
    private final Map<String, WeightedChoice<String>> listedOpen = new TreeMap<>();
    private final Map<String, WeightedChoice<String>> listedOpenSeasonal = new TreeMap<>();
    private final Map<String, WeightedChoice<String>> listedClosed = new TreeMap<>();

    EmploymentTraffic(SplittableRandom rng, IdSource ids, Schedule schedule) {
        this.rng = rng;
        this.ids = ids;
        this.schedule = schedule;
        for (String category : DefaultReferenceData.CATEGORIES) {
            quotaRegions.put(
                    category,
                    new WeightedChoice<>(
                            RegionProfile.ALL,
                            r -> DefaultReferenceData.quota(r.code(), category)));
        }
        anyQuotaRegion =
                new WeightedChoice<>(
                        RegionProfile.ALL,
                        r -> DefaultReferenceData.quota(r.code(), DefaultReferenceData.ALL));
        for (String region : ShortageList.regions()) {
            Predicate<String> open = s -> ShortageList.isOpen(region, s, ShortageList.YEAR);
            listedOpen.put(region, choice(SECTOR_WEIGHTS, open));
            WeightedChoice<String> seasonal = choice(SEASONAL_SECTOR_WEIGHTS, open);
            listedOpenSeasonal.put(region, seasonal != null ? seasonal : listedOpen.get(region));
            listedClosed.put(region, choice(SECTOR_WEIGHTS, open.negate()));
        }
    }

    void planDay(LocalDate day, int scale) {
        long dayStart = InstantText.startOf(day);
        double perDay =
                scale / (double) GeneratorSettings.DEFAULT_SCALE / 365 * Volume.officeFactor(day);
        double permits = 0;
        for (Map.Entry<String, Integer> quota : DefaultReferenceData.nationalQuotas().entrySet()) {
            String category = quota.getKey();
            double expected = quota.getValue() * QUOTA_USE * perDay * seasonal(category, day);
            permits += expected;
            int n = Volume.count(expected, rng);
            for (int i = 0; i < n; i++) {
                permit(dayStart, category);
            }
        }
        int free = Volume.count(permits * FREE_HIRES_PER_PERMIT, rng);
        for (int i = 0; i < free; i++) {
            hireWithoutPermit(dayStart, FREE_WORKER.pick(rng));
        }
        int unauthorised = Volume.count(permits * UNAUTHORISED_PER_PERMIT, rng);
        for (int i = 0; i < unauthorised; i++) {
            hireWithoutPermit(dayStart, UNAUTHORISED.pick(rng));
        }
    }

    /**
     * Seasonal permits are issued March to October only, 1.5 times as many to keep the year's sum.
     */
    private static double seasonal(String category, LocalDate day) {
        if (!"SEASONAL".equals(category)) {
            return 1;
        }
        int month = day.getMonthValue();
        return month >= 3 && month <= 10 ? 1.5 : 0;
    }

    private void permit(long dayStart, String category) {
        long at = dayStart + Volume.officeTime(rng);
        LocalDate issued = InstantText.dateOf(at);
        RegionProfile region = quotaRegions.get(category).pick(rng);
        String city = Settlement.cityIn(region, rng);
        String sector = sector(region.code(), category, issued.getYear());
        String employer = employer(region);
        String permitId = ids.newPermitId(issued.getYear());
        int validDays =
                "SEASONAL".equals(category)
                        ? Volume.between(rng, 60, 240)
                        : Volume.between(rng, 180, 365);
        LocalDate until = issued.plusDays(validDays - 1);
        long person = ids.newPerson();
        String citizenship = HOLDER.pick(rng);
        schedule.add(
                new PlannedEvent.Employment(
                        at,
                        person,
                        citizenship,
                        "PERMIT_ISSUED",
                        region.code(),
                        city,
                        permitId,
                        category,
                        until,
                        sector,
                        employer));
        long endsAt = InstantText.startOf(until.plusDays(1));
        long hiredAt = -1;
        if (rng.nextDouble() < 0.92) {
            hiredAt = at + (long) Volume.between(rng, 0, 14) * InstantText.DAY_SECONDS + 3600;
            schedule.add(
                    new PlannedEvent.Employment(
                            hiredAt,
                            person,
                            citizenship,
                            "HIRED",
                            region.code(),
                            city,
                            null,
                            null,
                            null,
                            sector,
                            employer));
        }
        if (rng.nextDouble() < 0.03) {
            long revokedAt =
                    Math.max(at, hiredAt)
                            + (long) Volume.between(rng, 10, 150) * InstantText.DAY_SECONDS;
            if (revokedAt < endsAt) {
                schedule.add(
                        new PlannedEvent.Employment(
                                revokedAt,
                                person,
                                citizenship,
                                "PERMIT_REVOKED",
                                region.code(),
                                city,
                                permitId,
                                category,
                                null,
                                sector,
                                employer));
            }
        } else if (hiredAt >= 0 && rng.nextDouble() < 0.08) {
            long leftAt = hiredAt + (long) Volume.between(rng, 20, 200) * InstantText.DAY_SECONDS;
            if (leftAt < endsAt) {
                schedule.add(
                        new PlannedEvent.Employment(
                                leftAt,
                                person,
                                citizenship,
                                "TERMINATED",
                                region.code(),
                                city,
                                null,
                                null,
                                null,
                                sector,
                                employer));
            }
        }
    }

    private void hireWithoutPermit(long dayStart, String citizenship) {
        long at = dayStart + Volume.officeTime(rng);
        RegionProfile region = anyQuotaRegion.pick(rng);
        String city = Settlement.cityIn(region, rng);
        String sector = SECTOR.pick(rng);
        String employer = employer(region);
        long person = ids.newPerson();
        schedule.add(
                new PlannedEvent.Employment(
                        at,
                        person,
                        citizenship,
                        "HIRED",
                        region.code(),
                        city,
                        null,
                        null,
                        null,
                        sector,
                        employer));
        if (rng.nextDouble() < 0.05) {
            long leftAt = at + (long) Volume.between(rng, 20, 200) * InstantText.DAY_SECONDS;
            schedule.add(
                    new PlannedEvent.Employment(
                            leftAt,
                            person,
                            citizenship,
                            "TERMINATED",
                            region.code(),
                            city,
                            null,
                            null,
                            null,
                            sector,
                            employer));
        }
    }

    /**
     * The permit's sector: in a region with a shortage list for the year, an open sector, except
     * for a few permits issued outside the list.
     */
    private String sector(String region, String category, int year) {
        boolean seasonal = "SEASONAL".equals(category);
        if (!ShortageList.hasList(region, year)) {
            return seasonal ? SEASONAL_SECTOR.pick(rng) : SECTOR.pick(rng);
        }
        if (rng.nextDouble() < OUTSIDE_SHORTAGE_LIST) {
            return listedClosed.get(region).pick(rng);
        }
        return (seasonal ? listedOpenSeasonal : listedOpen).get(region).pick(rng);
    }

    private static Map<String, Integer> weights(Object... sectorsAndWeights) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < sectorsAndWeights.length; i += 2) {
            weights.put((String) sectorsAndWeights[i], (Integer) sectorsAndWeights[i + 1]);
        }
        return weights;
    }

    /** The sectors {@code keep} accepts, by their weights; null when it accepts none. */
    private static WeightedChoice<String> choice(
            Map<String, Integer> weights, Predicate<String> keep) {
        List<String> sectors = List.copyOf(weights.keySet());
        if (sectors.stream().noneMatch(keep)) {
            return null;
        }
        return new WeightedChoice<>(sectors, s -> keep.test(s) ? weights.get(s) : 0);
    }

    /** One of about 100 employers per region: {@code E} + the region's number + four digits. */
    private String employer(RegionProfile region) {
        return "E" + region.code().substring(3) + String.format("%04d", rng.nextInt(100));
    }
}
