package kz.migration.monitor.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.migration.monitor.event.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficGeneratorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeneratorSettings SMALL =
            GeneratorSettings.defaults().withDays(5).withScale(500);

    /** A month at a modest scale: big enough for shares, small enough for a unit test. */
    private static CollectingSink month;

    @BeforeAll
    static void generateMonth() {
        month = new CollectingSink();
        long t0 = System.nanoTime();
        Map<String, Long> counts =
                new TrafficGenerator(GeneratorSettings.defaults().withDays(30).withScale(3_000))
                        .generate(month);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
                "generated %d records in %.2f s (%.0f records/s): %s%n",
                total, seconds, total / seconds, counts);
    }

    @Test
    void sameSeedGivesIdenticalFiles(@TempDir Path dir) throws IOException {
        GeneratorSettings noisy = SMALL.withDisorder(0.01, 0.02, 0.01, 0.01);
        write(noisy, dir.resolve("a"));
        write(noisy, dir.resolve("b"));

        for (String stream : Topics.inputs()) {
            Path a = dir.resolve("a").resolve(JsonlFileSink.fileName(stream));
            Path b = dir.resolve("b").resolve(JsonlFileSink.fileName(stream));
            assertThat(Files.size(a)).as(stream).isPositive();
            assertThat(Files.mismatch(a, b)).as(stream).isEqualTo(-1L);
        }
    }

    @Test
    void differentSeedGivesDifferentTraffic(@TempDir Path dir) throws IOException {
        write(SMALL, dir.resolve("a"));
        write(SMALL.withSeed(2), dir.resolve("b"));

        for (String stream : List.of(Topics.BORDER_CROSSINGS, Topics.REGISTRATIONS)) {
            Path a = dir.resolve("a").resolve(JsonlFileSink.fileName(stream));
            Path b = dir.resolve("b").resolve(JsonlFileSink.fileName(stream));
            assertThat(Files.mismatch(a, b)).as(stream).isNotEqualTo(-1L);
        }
    }

    @Test
    void writesAllFourFilesEvenWhenAStreamIsEmpty(@TempDir Path dir) throws IOException {
        try (JsonlFileSink sink = new JsonlFileSink(dir)) {
            sink.accept(Topics.REFERENCE_DATA, "k", "{}", java.time.Instant.EPOCH);
        }
        for (String stream : Topics.inputs()) {
            assertThat(dir.resolve(stream + ".jsonl")).exists();
        }
    }

    @Test
    void everyRecordKeepsTheContract() {
        month.byStream.forEach(
                (stream, records) -> {
                    assertThat(records).as(stream).isNotEmpty();
                    for (CollectingSink.Delivered r : records) {
                        assertThat(ContractCheck.problems(stream, r.json())).as(r.json()).isEmpty();
                    }
                });
    }

    @Test
    void keysArePersonIdsAndReferenceIdentities() throws IOException {
        for (String stream :
                List.of(Topics.BORDER_CROSSINGS, Topics.REGISTRATIONS, Topics.EMPLOYMENT)) {
            for (CollectingSink.Delivered r : month.get(stream).subList(0, 100)) {
                assertThat(r.key())
                        .isEqualTo(MAPPER.readTree(r.json()).get("personId").asText())
                        .matches("P\\d{9}");
            }
        }
        assertThat(month.get(Topics.REFERENCE_DATA))
                .extracting(CollectingSink.Delivered::key)
                .contains(
                        "QUOTA|2026|KZ-75|CAT1",
                        "QUOTA|2026|KZ-10|ALL",
                        "INFLOW_THRESHOLD|KZ-79|",
                        "SHORTAGE|2026|KZ-23|MINING");
        for (CollectingSink.Delivered r : month.get(Topics.REFERENCE_DATA)) {
            JsonNode json = read(r);
            if (json.get("kind").asText().equals("ENTRY_BAN")) {
                assertThat(r.key()).isEqualTo("ENTRY_BAN|" + json.get("personId").asText());
            }
        }
    }

    @Test
    void aBanLastsFiveYearsAndSomeOfTheBannedEnterAnyway() {
        Map<String, JsonNode> bans = new HashMap<>();
        long register = 0;
        for (CollectingSink.Delivered r : month.get(Topics.REFERENCE_DATA)) {
            JsonNode json = read(r);
            if (!json.get("kind").asText().equals("ENTRY_BAN")) {
                continue;
            }
            LocalDate day = localDate(json.get("occurredAt").asText());
            LocalDate until = LocalDate.parse(json.get("until").asText());
            if (day.equals(SMALL.start())) {
                // the register at the start: expulsions of the five years before it
                register++;
                assertThat(until).isBetween(day, day.plusYears(5));
            } else if (until.isBefore(day)) {
                // lifted by a court: the day before
                assertThat(until).isEqualTo(day.minusDays(1));
            } else {
                // expelled during the run, at the exit of an overstay of more than ten days
                assertThat(until).isEqualTo(day.plusYears(5));
            }
            bans.put(json.get("personId").asText(), json);
        }
        // about 10,000 expulsions a year nationally: 5 years of them at 3,000/80,000 of the scale
        assertThat(register).isBetween(1_650L, 2_100L);
        assertThat(bans.size()).isGreaterThan((int) register);

        long foreignEntries = 0;
        long bannedEntries = 0;
        for (CollectingSink.Delivered r : month.get(Topics.BORDER_CROSSINGS)) {
            JsonNode json = read(r);
            if (!json.get("direction").asText().equals("ENTRY")
                    || json.get("citizenship").asText().equals("KAZ")) {
                continue;
            }
            foreignEntries++;
            JsonNode ban = bans.get(json.get("personId").asText());
            if (ban != null
                    && !r.occurredAt()
                            .isBefore(
                                    java.time.OffsetDateTime.parse(ban.get("occurredAt").asText())
                                            .toInstant())
                    && !LocalDate.parse(ban.get("until").asText())
                            .isBefore(localDate(json.get("occurredAt").asText()))) {
                bannedEntries++;
            }
        }
        assertThat(bannedEntries).isPositive();
        assertThat((double) bannedEntries / foreignEntries).isLessThan(0.001);
    }

    @Test
    void theShortageListOpensIndustryInInvestmentAndFarmingRegionsAndSpecialistsInTheCities() {
        Map<String, Set<String>> open = new HashMap<>();
        Map<String, Integer> listed = new HashMap<>();
        for (CollectingSink.Delivered r : month.get(Topics.REFERENCE_DATA)) {
            JsonNode json = read(r);
            if (json.get("kind").asText().equals("SHORTAGE")) {
                assertThat(json.get("year").asInt()).isEqualTo(2026);
                String region = json.get("region").asText();
                listed.merge(region, 1, Integer::sum);
                if (json.get("open").asBoolean()) {
                    open.computeIfAbsent(region, k -> new HashSet<>())
                            .add(json.get("sector").asText());
                }
            }
        }
        Set<String> industry = Set.of("CONSTRUCTION", "AGRICULTURE", "MINING", "MANUFACTURING");
        for (String region :
                List.of("KZ-23", "KZ-27", "KZ-15", "KZ-61", "KZ-19", "KZ-31", "KZ-33")) {
            assertThat(open.get(region)).as(region).isEqualTo(industry);
        }
        assertThat(open.get("KZ-71")).isEqualTo(Set.of("IT", "HEALTH"));
        assertThat(open.get("KZ-75")).isEqualTo(Set.of("IT", "HEALTH"));
        // every sector of a listed region has a record; the other regions have none
        assertThat(listed).hasSize(9).allSatisfy((region, n) -> assertThat(n).isEqualTo(9));
    }

    @Test
    void permitsFollowTheShortageListExceptAFew() {
        Map<String, Set<String>> open = new HashMap<>();
        for (CollectingSink.Delivered r : month.get(Topics.REFERENCE_DATA)) {
            JsonNode json = read(r);
            if (json.get("kind").asText().equals("SHORTAGE") && json.get("open").asBoolean()) {
                open.computeIfAbsent(json.get("region").asText(), k -> new HashSet<>())
                        .add(json.get("sector").asText());
            }
        }
        long listed = 0;
        long outside = 0;
        for (CollectingSink.Delivered r : month.get(Topics.EMPLOYMENT)) {
            JsonNode json = read(r);
            Set<String> sectors = open.get(json.get("region").asText());
            if (json.get("kind").asText().equals("PERMIT_ISSUED") && sectors != null) {
                listed++;
                outside += sectors.contains(json.path("sector").asText("OTHER")) ? 0 : 1;
            }
        }
        assertThat(listed).isGreaterThan(20);
        assertThat(outside).isPositive();
        assertThat((double) outside / listed).isLessThan(0.15);
    }

    @Test
    void storylinesOfTheFirst30DaysAreThereAtASmallScale() {
        CollectingSink weeks = new CollectingSink();
        new TrafficGenerator(GeneratorSettings.defaults().withDays(31).withScale(200))
                .generate(weeks);

        // the new city's threshold, and more families registering there in days 8-10
        int threshold = -1;
        int quotaLimit = -1;
        for (CollectingSink.Delivered r : weeks.get(Topics.REFERENCE_DATA)) {
            JsonNode json = read(r);
            if (r.key().equals("INFLOW_THRESHOLD|KZ-19|Alatau")) {
                threshold = json.get("netInflow7d").asInt();
            }
            if (r.key().equals("QUOTA|2026|KZ-61|CAT4")
                    && localDate(json.get("occurredAt").asText())
                            .equals(LocalDate.of(2026, 1, 11))) {
                quotaLimit = json.get("limit").asInt();
            }
        }
        long arrivals =
                weeks.get(Topics.REGISTRATIONS).stream()
                        .map(TrafficGeneratorTest::read)
                        .filter(j -> j.path("city").asText().equals("Alatau"))
                        .count();
        assertThat(threshold).isPositive();
        assertThat(arrivals).isGreaterThan(threshold);

        // Turkistan's CAT4 quota of 2, then three permits in it
        long permits =
                weeks.get(Topics.EMPLOYMENT).stream()
                        .map(TrafficGeneratorTest::read)
                        .filter(
                                j ->
                                        j.get("kind").asText().equals("PERMIT_ISSUED")
                                                && j.get("region").asText().equals("KZ-61")
                                                && j.get("category").asText().equals("CAT4"))
                        .count();
        assertThat(quotaLimit).isEqualTo(2);
        assertThat(permits).isEqualTo(3);

        // the expelled visitor from India: 26 days, banned, back a week later
        List<JsonNode> indian =
                weeks.get(Topics.BORDER_CROSSINGS).stream()
                        .map(TrafficGeneratorTest::read)
                        .filter(j -> j.get("citizenship").asText().equals("IND"))
                        .filter(
                                j ->
                                        weeks.get(Topics.REFERENCE_DATA).stream()
                                                .anyMatch(
                                                        b ->
                                                                b.key()
                                                                        .equals(
                                                                                "ENTRY_BAN|"
                                                                                        + j.get(
                                                                                                        "personId")
                                                                                                .asText())))
                        .toList();
        assertThat(indian)
                .extracting(j -> j.get("direction").asText())
                .containsSubsequence("ENTRY", "EXIT", "ENTRY", "EXIT");
    }

    @Test
    void eventIdsAreUniquePerStreamAndDeliveryIsInEventTimeOrder() {
        for (String stream : GeneratorStreams.PERSON_STREAMS) {
            Set<String> ids = new HashSet<>();
            java.time.Instant previous = java.time.Instant.MIN;
            for (CollectingSink.Delivered r : month.get(stream)) {
                assertThat(ids.add(read(r).get("eventId").asText())).as("unique eventId").isTrue();
                assertThat(r.occurredAt()).isAfterOrEqualTo(previous);
                previous = r.occurredAt();
            }
        }
    }

    @Test
    void allRegionsOccur() {
        Set<String> regions = new HashSet<>();
        for (String stream : GeneratorStreams.PERSON_STREAMS) {
            month.get(stream).forEach(r -> regions.add(read(r).get("region").asText()));
        }
        assertThat(regions).containsExactlyInAnyOrderElementsOf(ContractCheck.REGIONS);
    }

    @Test
    void about90PercentOfForeignEntriesAreFromTheCis() {
        long foreign = 0;
        long cis = 0;
        for (CollectingSink.Delivered r : month.get(Topics.BORDER_CROSSINGS)) {
            JsonNode json = read(r);
            String citizenship = json.get("citizenship").asText();
            if (json.get("direction").asText().equals("ENTRY") && !citizenship.equals("KAZ")) {
                foreign++;
                cis += ContractCheck.CIS.contains(citizenship) ? 1 : 0;
            }
        }
        assertThat((double) cis / foreign).isBetween(0.85, 0.95);
    }

    @Test
    void entriesAndExitsBalance() {
        Map<String, Integer> byDirection = new HashMap<>();
        month.get(Topics.BORDER_CROSSINGS)
                .forEach(
                        r -> byDirection.merge(read(r).get("direction").asText(), 1, Integer::sum));
        double ratio = (double) byDirection.get("ENTRY") / byDirection.get("EXIT");
        assertThat(ratio).isBetween(0.9, 1.1);
        // the scale is the mean daily count of border events; January is below the yearly mean
        assertThat(byDirection.get("ENTRY") + byDirection.get("EXIT"))
                .isBetween(30 * 2_000, 30 * 3_600);
    }

    @Test
    void movesBetweenRegionsBringPeopleToTheThreeCities() {
        Map<String, Integer> net = new HashMap<>();
        for (CollectingSink.Delivered r : month.get(Topics.REGISTRATIONS)) {
            JsonNode json = read(r);
            if (json.get("kind").asText().equals("RESIDENCE_CHANGE")) {
                net.merge(json.get("region").asText(), 1, Integer::sum);
                net.merge(json.get("previousRegion").asText(), -1, Integer::sum);
            }
        }
        assertThat(net.get("KZ-71")).isPositive();
        assertThat(net.get("KZ-75")).isPositive();
        assertThat(net.get("KZ-79")).isPositive();
    }

    @Test
    void everyKindOfEventOccurs() {
        Set<String> seen = new HashSet<>();
        for (String stream : List.of(Topics.REGISTRATIONS, Topics.EMPLOYMENT)) {
            month.get(stream)
                    .forEach(
                            r -> {
                                JsonNode json = read(r);
                                seen.add(json.get("kind").asText());
                                if (json.has("program")) {
                                    seen.add(json.get("program").asText());
                                }
                            });
        }
        assertThat(seen)
                .contains(
                        "TEMPORARY_RESIDENCE",
                        "PERMANENT_RESIDENCE",
                        "RESIDENCE_CHANGE",
                        "DEREGISTRATION",
                        "KANDAS",
                        "RESETTLEMENT",
                        "PERMIT_ISSUED",
                        "HIRED");
        assertThat(month.get(Topics.BORDER_CROSSINGS))
                .anySatisfy(r -> assertThat(r.json()).contains("\"permitUntil\""))
                .anySatisfy(r -> assertThat(r.json()).contains("\"purpose\""));
    }

    @Test
    void malformedRecordsBreakTheContractAndDuplicatesRepeatEventIds() {
        CollectingSink noisy = new CollectingSink();
        new TrafficGenerator(SMALL.withDisorder(0, 0, 0.02, 0.02)).generate(noisy);
        long invalid = 0;
        long valid = 0;
        Set<String> ids = new HashSet<>();
        long repeated = 0;
        for (String stream : GeneratorStreams.PERSON_STREAMS) {
            for (CollectingSink.Delivered r : noisy.get(stream)) {
                if (ContractCheck.problems(stream, r.json()).isEmpty()) {
                    valid++;
                    repeated += ids.add(read(r).get("eventId").asText()) ? 0 : 1;
                } else {
                    invalid++;
                }
            }
        }
        assertThat((double) invalid / (valid + invalid)).isBetween(0.01, 0.03);
        assertThat((double) repeated / valid).isBetween(0.01, 0.03);
    }

    @Test
    void disorderLeavesTheValidTrafficUnchanged() {
        CollectingSink clean = new CollectingSink();
        CollectingSink shuffled = new CollectingSink();
        new TrafficGenerator(SMALL).generate(clean);
        new TrafficGenerator(SMALL.withDisorder(0.02, 0.05, 0, 0)).generate(shuffled);

        List<String> cleanLines =
                clean.get(Topics.BORDER_CROSSINGS).stream()
                        .map(CollectingSink.Delivered::json)
                        .toList();
        List<String> shuffledLines =
                shuffled.get(Topics.BORDER_CROSSINGS).stream()
                        .map(CollectingSink.Delivered::json)
                        .toList();
        assertThat(shuffledLines)
                .isNotEqualTo(cleanLines)
                .containsExactlyInAnyOrderElementsOf(cleanLines);
    }

    private static void write(GeneratorSettings settings, Path dir) throws IOException {
        try (JsonlFileSink sink = new JsonlFileSink(dir)) {
            new TrafficGenerator(settings).generate(sink);
        }
    }

    private static LocalDate localDate(String instant) {
        return java.time.OffsetDateTime.parse(instant)
                .atZoneSameInstant(java.time.ZoneOffset.ofHours(5))
                .toLocalDate();
    }

    private static JsonNode read(CollectingSink.Delivered r) {
        try {
            return MAPPER.readTree(r.json());
        } catch (IOException e) {
            throw new AssertionError(r.json(), e);
        }
    }
}
