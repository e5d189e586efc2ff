package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference data shipped with the project: the 2026 labour quotas per region and category and
 * the inflow thresholds of the three cities, as {@code reference-data} records of the contract.
 *
 * <p><b>How the national quota is split over the 20 regions.</b> The national 2026 figures (CAT1
 * 726, CAT2 3,402, CAT3 5,893, CAT4 3,131, SEASONAL 4,994) are shared out in proportion to a weight
 * per region and category, rounded by the largest-remainder method (each region gets the floor of
 * its exact share; the units left over go to the largest fractional parts, ties to the lower region
 * code), so the regional integers sum exactly to the national figure. The weight is the region's
 * population on 1 January 2026, multiplied
 *
 * <ul>
 *   <li>by 3 for the investment regions Atyrau (KZ-23), West Kazakhstan (KZ-27) and Aktobe (KZ-15),
 *       where the oil and gas projects hire foreign specialists;
 *   <li>by 2 for the cities Astana (KZ-71), Almaty (KZ-75) and Shymkent (KZ-79), which keep
 *       attracting workers — except for SEASONAL, where the cities weigh 1/4 and the farming
 *       regions Turkistan (KZ-61), Almaty region (KZ-19), Jambyl (KZ-31) and Jetisu (KZ-33) weigh
 *       2;
 *   <li>by 0 for CAT4 (skilled workers) in Kyzylorda (KZ-43) and Turkistan (KZ-61): regions with a
 *       labour surplus that set that category to zero, as the rules allow.
 * </ul>
 *
 * The {@code ALL} quota of a region is the sum of its five categories.
 *
 * <p>Inflow thresholds ({@code netInflow7d}): Astana 2,000, Almaty 2,000, Shymkent 1,500; no city
 * thresholds.
 */
public final class DefaultReferenceData {

    public static final int YEAR = 2026;
    public static final String ALL = "ALL";
    public static final List<String> CATEGORIES =
            List.of("CAT1", "CAT2", "CAT3", "CAT4", "SEASONAL");

    private static final Map<String, Integer> NATIONAL =
            orderedMap(CATEGORIES, List.of(726, 3_402, 5_893, 3_131, 4_994));
    private static final Map<String, Integer> THRESHOLDS =
            orderedMap(List.of("KZ-71", "KZ-75", "KZ-79"), List.of(2_000, 2_000, 1_500));
    private static final List<String> INVESTMENT = List.of("KZ-23", "KZ-27", "KZ-15");
    private static final List<String> CITIES = List.of("KZ-71", "KZ-75", "KZ-79");
    private static final List<String> FARMING = List.of("KZ-61", "KZ-19", "KZ-31", "KZ-33");
    private static final List<String> NO_CAT4 = List.of("KZ-43", "KZ-61");

    /** category -> region -> limit, regions in code order. */
    private static final Map<String, Map<String, Integer>> SPLIT = split();

    private DefaultReferenceData() {}

    /** The national 2026 quota per category (CAT1..SEASONAL, in that order). */
    public static Map<String, Integer> nationalQuotas() {
        return NATIONAL;
    }

    /** The regional limit of a category, or of {@code ALL}; 0 for an unknown region. */
    public static int quota(String region, String category) {
        if (ALL.equals(category)) {
            return CATEGORIES.stream().mapToInt(c -> quota(region, c)).sum();
        }
        Map<String, Integer> byRegion = SPLIT.get(category);
        if (byRegion == null) {
            throw new IllegalArgumentException("unknown quota category " + category);
        }
        return byRegion.getOrDefault(region, 0);
    }

    /** Region code -> {@code netInflow7d} threshold. */
    public static Map<String, Integer> inflowThresholds() {
        return THRESHOLDS;
    }

    /** The region codes, KZ-10 to KZ-79. */
    public static List<String> regions() {
        return RegionProfile.ALL.stream().map(RegionProfile::code).toList();
    }

    /**
     * All default records valid from {@code validFrom}: per region the five category quotas and
     * {@code ALL}, then the three inflow thresholds. {@code occurredAt} is written at UTC+05:00.
     */
    public static List<ObjectNode> records(Instant validFrom) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        String at =
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        validFrom.atOffset(ZoneOffset.ofHours(5)));
        List<ObjectNode> records = new ArrayList<>();
        for (String region : regions()) {
            for (String category : categoriesAndAll()) {
                ObjectNode quota = json.objectNode();
                quota.put("kind", "QUOTA");
                quota.put("occurredAt", at);
                quota.put("year", YEAR);
                quota.put("region", region);
                quota.put("category", category);
                quota.put("limit", quota(region, category));
                records.add(quota);
            }
        }
        THRESHOLDS.forEach(
                (region, limit) -> {
                    ObjectNode threshold = json.objectNode();
                    threshold.put("kind", "INFLOW_THRESHOLD");
                    threshold.put("occurredAt", at);
                    threshold.put("region", region);
                    threshold.put("netInflow7d", limit);
                    records.add(threshold);
                });
        return records;
    }

    /**
     * The identity (and Kafka key) of a reference-data record: {@code QUOTA|year|region|category},
     * {@code INFLOW_THRESHOLD|region|city} (city empty when absent), {@code ENTRY_BAN|personId} or
     * {@code SHORTAGE|year|region|sector}.
     */
    public static String keyOf(JsonNode record) {
        String kind = record.path("kind").asText();
        if ("ENTRY_BAN".equals(kind)) {
            return EntryBans.keyOf(record.path("personId").asText());
        }
        if ("SHORTAGE".equals(kind)) {
            return String.join(
                    "|",
                    kind,
                    record.path("year").asText(),
                    record.path("region").asText(),
                    record.path("sector").asText());
        }
        if ("QUOTA".equals(kind)) {
            return String.join(
                    "|",
                    kind,
                    record.path("year").asText(),
                    record.path("region").asText(),
                    record.path("category").asText());
        }
        return String.join(
                "|", kind, record.path("region").asText(), record.path("city").asText(""));
    }

    private static List<String> categoriesAndAll() {
        List<String> all = new ArrayList<>(CATEGORIES);
        all.add(ALL);
        return all;
    }

    private static double weight(RegionProfile region, String category) {
        String code = region.code();
        if ("CAT4".equals(category) && NO_CAT4.contains(code)) {
            return 0;
        }
        double w = region.population();
        if (INVESTMENT.contains(code)) {
            w *= 3;
        }
        if ("SEASONAL".equals(category)) {
            if (CITIES.contains(code)) {
                w /= 4;
            } else if (FARMING.contains(code)) {
                w *= 2;
            }
        } else if (CITIES.contains(code)) {
            w *= 2;
        }
        return w;
    }

    private static Map<String, Map<String, Integer>> split() {
        Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            result.put(category, largestRemainder(NATIONAL.get(category), category));
        }
        return Collections.unmodifiableMap(result);
    }

    private static Map<String, Integer> largestRemainder(int total, String category) {
        List<RegionProfile> regions = RegionProfile.ALL;
        double sum = regions.stream().mapToDouble(r -> weight(r, category)).sum();
        int[] shares = new int[regions.size()];
        double[] fractions = new double[regions.size()];
        int given = 0;
        for (int i = 0; i < regions.size(); i++) {
            double exact = total * weight(regions.get(i), category) / sum;
            shares[i] = (int) Math.floor(exact);
            fractions[i] = exact - shares[i];
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            order.add(i);
        }
        // stable sort: equal fractions keep region-code order
        order.sort(Comparator.comparingDouble((Integer i) -> fractions[i]).reversed());
        for (int k = 0; k < total - given; k++) {
            shares[order.get(k)]++;
        }
        Map<String, Integer> byRegion = new LinkedHashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            byRegion.put(regions.get(i).code(), shares[i]);
        }
        return Collections.unmodifiableMap(byRegion);
    }

    private static <K, V> Map<K, V> orderedMap(List<K> keys, List<V> values) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(map);
    }
}
