package kz.migration.monitor.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's stay rules, case by case, through replay. */
class StayRulesReplayTest {

    @TempDir Path dir;

    private static String crossing(String id, String at, String person, String citizenship, String direction) {
        return "{\"eventId\":\"" + id + "\",\"occurredAt\":\"" + at + "\",\"personId\":\"" + person
                + "\",\"citizenship\":\"" + citizenship + "\",\"direction\":\"" + direction
                + "\",\"checkpoint\":\"ZHIBEK-ZHOLY\",\"region\":\"KZ-61\",\"city\":\"Saryagash\"}";
    }

    @Test
    void defaultGroupOverstayRaisesAtFirstFourthAndEleventhUnlawfulDayAndEndsAtExit() {
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                crossing("c1", "2026-03-01T10:00:00+05:00", "P1", "UZB", "ENTRY"),
                                crossing("c2", "2026-04-20T10:00:00+05:00", "P1", "UZB", "EXIT"))
                        .run(Instant.parse("2026-04-25T00:00:00Z"));

        assertThat(out.alerts("OVERSTAY"))
                .extracting(a -> a.get("raisedAt").asText() + " " + a.get("details").get("overstayDays") + " " + a.get("severity").asText())
                .containsExactly(
                        "2026-03-31T19:00:00Z 1 WARNING",
                        "2026-04-03T19:00:00Z 4 MAJOR",
                        "2026-04-10T19:00:00Z 11 CRITICAL");
        assertThat(out.alerts("OVERSTAY_ENDED")).singleElement().satisfies(a -> {
            assertThat(a.get("details").get("overstayDays").asInt()).isEqualTo(21);
            assertThat(a.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(a.get("subjectRef").asText()).isEqualTo(ReplayRun.subjectRef("P1"));
            assertThat(a.toString()).doesNotContain("\"P1\"");
        });
    }
}
