package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.InputLines.ALMATY;
import static kz.migration.monitor.replay.InputLines.entry;
import static kz.migration.monitor.replay.ReplayEvents.entryBan;
import static kz.migration.monitor.replay.ReplayEvents.json;
import static kz.migration.monitor.replay.ReplayEvents.shortage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad {@code ENTRY_BAN} and {@code SHORTAGE} records become dead letters naming the field, with the
 * payload unchanged, and change nothing else: a replay over them and one valid ban raises just that
 * ban's alert.
 */
class BanAndShortageDeadLetterReplayTest {

    private static final String AT = "2026-03-01T09:00:00+05:00";

    @TempDir Path dir;

    @Test
    void everyBadFieldIsNamedInItsDeadLetter() {
        // payload -> the field its dead letter must name
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(json("kind", "ENTRY_BAN", "occurredAt", AT, "until", "2031-02-28"), "personId");
        bad.put(json("kind", "ENTRY_BAN", "occurredAt", AT, "personId", "X1"), "until");
        bad.put(entryBan(AT, "X2", "2031-02-30", null), "until");
        bad.put(entryBan(AT, "X3", "28.02.2031", null), "until");
        bad.put(entryBan(AT, "X4", "2031-02-28", "uz"), "citizenship");
        bad.put(shortage(AT, null, "KZ-75", "IT", true), "year");
        bad.put(shortage(AT, 2026, null, "IT", true), "region");
        bad.put(shortage(AT, 2026, "KZ-00", "IT", true), "region");
        bad.put(shortage(AT, 2026, "KZ-75", null, true), "sector");
        bad.put(shortage(AT, 2026, "KZ-75", "FISHING", true), "sector");
        bad.put(shortage(AT, 2026, "KZ-75", "IT", null), "open");
        bad.put(shortage(AT, 2026, "KZ-75", "IT", "yes"), "open");
        ReplayRun run =
                new ReplayRun(dir).add("reference-data", entryBan(AT, "V1", "2031-02-28", null));
        bad.keySet().forEach(line -> run.add("reference-data", line));
        run.add(
                "border-crossings",
                entry("v1", "2026-03-02T10:00:00+05:00", "V1", "UZB", ALMATY),
                entry("x1", "2026-03-02T10:00:00+05:00", "X1", "UZB", ALMATY),
                entry("x4", "2026-03-02T10:00:00+05:00", "X4", "UZB", ALMATY));
        ReplayRun.Outputs out = run.run(Instant.parse("2026-03-03T00:00:00Z"));

        assertThat(out.deadLetters()).hasSize(bad.size());
        for (JsonNode d : out.deadLetters()) {
            String payload = d.get("payload").asText();
            assertThat(bad).containsKey(payload);
            assertThat(d.get("source").asText()).isEqualTo("reference-data");
            assertThat(d.get("reason").asText()).startsWith(bad.get(payload) + ": ");
            assertThat(d.get("receivedAt").asText()).isEqualTo("2026-03-03T00:00:00Z");
        }
        assertThat(out.alerts()).hasSize(1);
        assertThat(out.alerts().get(0).get("type").asText()).isEqualTo("BANNED_ENTRY");
        assertThat(out.alerts().get(0).get("subjectRef").asText())
                .isEqualTo(ReplayRun.subjectRef("V1"));
    }
}
