package kz.migration.monitor.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.migration.monitor.event.Topics;
import org.junit.jupiter.api.Test;

class DefaultReferenceDataTest {

    @Test
    void regionalQuotasSumExactlyToTheNational2026Figures() {
        assertThat(DefaultReferenceData.nationalQuotas())
                .containsExactly(
                        Map.entry("CAT1", 726),
                        Map.entry("CAT2", 3_402),
                        Map.entry("CAT3", 5_893),
                        Map.entry("CAT4", 3_131),
                        Map.entry("SEASONAL", 4_994));
        DefaultReferenceData.nationalQuotas()
                .forEach(
                        (category, national) ->
                                assertThat(
                                                DefaultReferenceData.regions().stream()
                                                        .mapToInt(
                                                                r ->
                                                                        DefaultReferenceData.quota(
                                                                                r, category))
                                                        .sum())
                                        .as(category)
                                        .isEqualTo(national));
        assertThat(
                        DefaultReferenceData.regions().stream()
                                .mapToInt(r -> DefaultReferenceData.quota(r, "ALL"))
                                .sum())
                .isEqualTo(18_146);
    }

    @Test
    void investmentRegionsAndCitiesGetMoreThanTheirPopulationShare() {
        // Atyrau has fewer people than Turkistan but the larger specialist quota
        assertThat(DefaultReferenceData.quota("KZ-23", "CAT3"))
                .isGreaterThan(DefaultReferenceData.quota("KZ-61", "CAT3"));
        assertThat(DefaultReferenceData.quota("KZ-75", "CAT1"))
                .isGreaterThan(DefaultReferenceData.quota("KZ-19", "CAT1"));
        assertThat(DefaultReferenceData.quota("KZ-61", "CAT4")).isZero();
    }

    @Test
    void recordsCarryEveryQuotaAndTheThreeThresholds() {
        List<ObjectNode> records =
                DefaultReferenceData.records(Instant.parse("2025-12-31T19:00:00Z"));

        assertThat(records).hasSize(20 * 6 + 3);
        assertThat(records)
                .allSatisfy(
                        r -> {
                            assertThat(r.get("occurredAt").asText())
                                    .isEqualTo("2026-01-01T00:00:00+05:00");
                            assertThat(ContractCheck.problems(Topics.REFERENCE_DATA, r.toString()))
                                    .isEmpty();
                        });
        ObjectNode all =
                records.stream()
                        .filter(r -> DefaultReferenceData.keyOf(r).equals("QUOTA|2026|KZ-23|ALL"))
                        .findFirst()
                        .orElseThrow();
        assertThat(all.get("limit").asInt())
                .isEqualTo(
                        DefaultReferenceData.CATEGORIES.stream()
                                .mapToInt(c -> DefaultReferenceData.quota("KZ-23", c))
                                .sum());
        assertThat(records.subList(120, 123))
                .extracting(DefaultReferenceData::keyOf)
                .containsExactly(
                        "INFLOW_THRESHOLD|KZ-71|",
                        "INFLOW_THRESHOLD|KZ-75|",
                        "INFLOW_THRESHOLD|KZ-79|");
        assertThat(records.subList(120, 123))
                .extracting(r -> r.get("netInflow7d").asInt())
                .containsExactly(2_000, 2_000, 1_500);
    }
}
