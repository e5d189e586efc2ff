package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 2026 labour shortage list shipped with the generator: per region and sector, whether foreign
 * labour is admitted ({@code SHORTAGE} reference records). Nine regions have a list:
 *
 * <ul>
 *   <li>the investment regions Atyrau (KZ-23), West Kazakhstan (KZ-27) and Aktobe (KZ-15) and the
 *       farming regions Turkistan (KZ-61), Almaty region (KZ-19), Jambyl (KZ-31) and Jetisu
 *       (KZ-33): construction, agriculture, mining and manufacturing are open, where most permit
 *       holders work (construction 4,949, agriculture 2,930, mining 1,369, manufacturing 1,210 of
 *       14,130 in August 2025);
 *   <li>Astana (KZ-71) and Almaty (KZ-75), which keep attracting workers: IT and health, the
 *       specialists they seek;
 * </ul>
 *
 * every other sector of those regions is listed closed ({@code open: false}). The other eleven
 * regions publish no list, so the monitor does not check their permits.
 */
public final class ShortageList {

    public static final int YEAR = DefaultReferenceData.YEAR;

    public static final List<String> SECTORS =
            List.of(
                    "CONSTRUCTION",
                    "AGRICULTURE",
                    "MINING",
                    "MANUFACTURING",
                    "SERVICES",
                    "IT",
                    "HEALTH",
                    "EDUCATION",
                    "OTHER");

    private static final Set<String> INDUSTRY =
            Set.of("CONSTRUCTION", "AGRICULTURE", "MINING", "MANUFACTURING");
    private static final Set<String> SPECIALISTS = Set.of("IT", "HEALTH");

    /** Region -> its open sectors, regions in code order. */
    private static final Map<String, Set<String>> OPEN = open();

    private ShortageList() {}

    /** The regions that publish a list, in code order. */
    public static Set<String> regions() {
        return OPEN.keySet();
    }

    /** Whether {@code region} has a list for {@code year}. */
    public static boolean hasList(String region, int year) {
        return year == YEAR && OPEN.containsKey(region);
    }

    /** Whether {@code sector} of {@code region} is open in {@code year}; true where no list. */
    public static boolean isOpen(String region, String sector, int year) {
        return !hasList(region, year) || OPEN.get(region).contains(sector);
    }

    /** Every record of the list, valid from {@code validFrom}, per region in code order. */
    public static List<ObjectNode> records(Instant validFrom) {
        String at =
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        validFrom.atOffset(ZoneOffset.ofHours(5)));
        List<ObjectNode> records = new ArrayList<>();
        OPEN.forEach(
                (region, open) -> {
                    for (String sector : SECTORS) {
                        ObjectNode r = JsonNodeFactory.instance.objectNode();
                        r.put("kind", "SHORTAGE");
                        r.put("occurredAt", at);
                        r.put("year", YEAR);
                        r.put("region", region);
                        r.put("sector", sector);
                        r.put("open", open.contains(sector));
                        records.add(r);
                    }
                });
        return records;
    }

    private static Map<String, Set<String>> open() {
        Map<String, Set<String>> open = new LinkedHashMap<>();
        for (String region : DefaultReferenceData.regions()) {
            switch (region) {
                case "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-61" ->
                        open.put(region, INDUSTRY);
                case "KZ-71", "KZ-75" -> open.put(region, SPECIALISTS);
                default -> {
                    // no list
                }
            }
        }
        return open;
    }
}
