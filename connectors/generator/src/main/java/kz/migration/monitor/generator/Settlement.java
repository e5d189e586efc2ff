package kz.migration.monitor.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where people live and move: weighted choices of regions for arrivals and departures, and of a
 * settlement within a region (the administrative centre most often).
 */
final class Settlement {

    static final List<String> CITIES = List.of("KZ-71", "KZ-75", "KZ-79");

    /** Resettlement programme, domain notes: where settlers come from. */
    static final List<String> RESETTLEMENT_ORIGINS =
            List.of("KZ-47", "KZ-43", "KZ-31", "KZ-19", "KZ-61", "KZ-79", "KZ-71");

    /** Resettlement programme: host regions with their 2026 quotas. */
    static final WeightedChoice<String> RESETTLEMENT_HOSTS =
            WeightedChoice.of(
                    "KZ-59", 2_820, "KZ-55", 1_655, "KZ-63", 600, "KZ-39", 485, "KZ-10", 275,
                    "KZ-62", 125, "KZ-35", 37);

    /** Kandas resettlement regions with their 2026 quotas. */
    static final WeightedChoice<String> KANDAS_HOSTS =
            WeightedChoice.of(
                    "KZ-55", 977, "KZ-11", 285, "KZ-10", 264, "KZ-63", 200, "KZ-59", 200, "KZ-39",
                    200, "KZ-23", 125, "KZ-27", 30);

    /** By population: where residents are registered, deregistered or move within a region. */
    static final WeightedChoice<RegionProfile> BY_POPULATION =
            new WeightedChoice<>(RegionProfile.ALL, RegionProfile::population);

    /**
     * Destinations of moves between regions: the three cities and the oil regions pull, the rest
     * gets little; origins weigh the other way round. The difference is the net inflow to Astana,
     * Almaty and Shymkent that the monitor watches.
     */
    static final WeightedChoice<RegionProfile> MOVE_TO =
            new WeightedChoice<>(RegionProfile.ALL, r -> r.population() * pull(r.code()));

    static final WeightedChoice<RegionProfile> MOVE_FROM =
            new WeightedChoice<>(RegionProfile.ALL, r -> r.population() / pull(r.code()));

    /** Foreign temporary residents: mostly the cities and the investment regions. */
    static final WeightedChoice<RegionProfile> FOREIGN_RESIDENCE =
            new WeightedChoice<>(
                    RegionProfile.ALL,
                    r ->
                            r.population()
                                    * (CITIES.contains(r.code())
                                            ? 3
                                            : List.of("KZ-23", "KZ-27", "KZ-15").contains(r.code())
                                                    ? 2
                                                    : 1));

    private Settlement() {}

    private static double pull(String region) {
        return switch (region) {
            case "KZ-71" -> 4.5;
            case "KZ-75" -> 3.5;
            case "KZ-79" -> 2.5;
            case "KZ-23", "KZ-15", "KZ-19" -> 1.3;
            default -> 0.7;
        };
    }

    /** A settlement of the region: its centre two times in three. */
    static String cityIn(RegionProfile region, SplittableRandom rng) {
        List<String> cities = region.cities();
        return cities.size() == 1 || rng.nextInt(3) < 2
                ? cities.get(0)
                : cities.get(rng.nextInt(cities.size()));
    }
}
