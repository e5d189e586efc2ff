package kz.migration.monitor.generator;

import java.util.List;
import java.util.Set;

/**
 * Who crosses the border: the citizenship mix of foreign entries (about 90% from the CIS, domain
 * notes) and the stay-rule group of each citizenship (contract, "Stays and overstays").
 */
final class Travellers {

    static final Set<String> EAEU = Set.of("RUS", "BLR", "ARM", "KGZ");
    static final Set<String> LIMITED = Set.of("IND", "IRN");

    /** Foreign entries by citizenship: CIS 90, others 10. */
    static final WeightedChoice<String> FOREIGN =
            WeightedChoice.of(
                    "UZB", 36.0, "RUS", 24.0, "KGZ", 15.0, "TJK", 6.0, "AZE", 2.5, "BLR", 2.0,
                    "ARM", 2.0, "TKM", 1.5, "MDA", 1.0, "CHN", 3.5, "TUR", 1.6, "IND", 0.9, "IRN",
                    0.4, "DEU", 0.6, "USA", 0.5, "KOR", 0.7, "MNG", 0.6, "GBR", 0.3, "JPN", 0.2,
                    "AFG", 0.2, "PAK", 0.2, "FRA", 0.2, "ITA", 0.1);

    private Travellers() {}

    /** Days per entry of the citizenship's stay-rule group. */
    static int daysPerEntry(String citizenship) {
        if (EAEU.contains(citizenship)) {
            return 90;
        }
        return LIMITED.contains(citizenship) ? 14 : 30;
    }

    /** The land borders a citizen most likely uses, or an empty list when they fly. */
    static List<String> landNeighbours(String citizenship) {
        return switch (citizenship) {
            case "UZB", "TJK", "AFG" -> List.of("UZB");
            case "KGZ" -> List.of("KGZ");
            case "RUS", "BLR", "ARM", "MDA", "AZE" -> List.of("RUS");
            case "CHN", "MNG" -> List.of("CHN");
            case "TKM", "IRN" -> List.of("TKM");
            default -> List.of();
        };
    }
}
