package kz.migration.monitor.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                        "QUOTA|2026|KZ-75|CAT1", "QUOTA|2026|KZ-10|ALL", "INFLOW_THRESHOLD|KZ-79|");
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

    private static JsonNode read(CollectingSink.Delivered r) {
        try {
            return MAPPER.readTree(r.json());
        } catch (IOException e) {
            throw new AssertionError(r.json(), e);
        }
    }
}
