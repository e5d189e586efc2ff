package kz.migration.monitor.generator;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Where a traveller crosses: any checkpoint by its traffic, an airport or sea port, or the land
 * border a citizen most likely uses. Each user draws from its own random source.
 */
final class CheckpointChoice {

    private final WeightedChoice<Checkpoint> anywhere =
            new WeightedChoice<>(Checkpoint.ALL, Checkpoint::weight);
    private final WeightedChoice<Checkpoint> byAir =
            new WeightedChoice<>(Checkpoint.ALL, c -> c.isAirportOrPort() ? c.weight() : 0);
    private final Map<String, WeightedChoice<Checkpoint>> byLand = new TreeMap<>();

    CheckpointChoice() {
        for (String country : List.of("UZB", "KGZ", "RUS", "CHN", "TKM")) {
            byLand.put(
                    country,
                    new WeightedChoice<>(
                            Checkpoint.ALL, c -> country.equals(c.neighbour()) ? c.weight() : 0));
        }
    }

    Checkpoint anywhere(SplittableRandom rng) {
        return anywhere.pick(rng);
    }

    Checkpoint byAir(SplittableRandom rng) {
        return byAir.pick(rng);
    }

    /** A land crossing to the citizen's neighbour two times in three, else an airport or port. */
    Checkpoint forCitizen(String citizenship, SplittableRandom rng) {
        List<String> land = Travellers.landNeighbours(citizenship);
        if (!land.isEmpty() && rng.nextDouble() < 0.65) {
            return byLand.get(land.get(0)).pick(rng);
        }
        return byAir.pick(rng);
    }
}
