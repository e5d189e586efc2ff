package kz.migration.monitor.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: the monitor's overstay alerts over random histories equal those of a plain computation
 * of the contract's rules over each whole history ({@link StayReference}). The histories ({@link
 * RandomTravellers}, one seed per person) are full of days on which a stay ends in the morning and
 * a document is presented later that day, so a day's coverage must not depend on which stay, or
 * which moment of the day, presented the document.
 */
class StayCoveragePropertyTest {

    private static final int PEOPLE = 1_000;
    private static final long FIRST_SEED = 9_000;
    private static final Instant AS_OF = Instant.parse("2026-12-31T00:00:00Z");

    @TempDir Path dir;

    @Test
    void overstaysEqualAPlainComputationOfTheContractOverEachWholeHistory() {
        Map<String, List<RandomTravellers.Event>> histories = new HashMap<>();
        Map<String, String> bySubject = new HashMap<>();
        Map<String, List<String>> lines = new HashMap<>();
        for (int i = 0; i < PEOPLE; i++) {
            long seed = FIRST_SEED + i;
            String person = "T" + seed;
            List<RandomTravellers.Event> history = RandomTravellers.history(person, seed);
            histories.put(person, history);
            bySubject.put(ReplayRun.subjectRef(person), person);
            for (RandomTravellers.Event e : history) {
                lines.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(e.line());
            }
        }
        ReplayRun run = new ReplayRun(dir);
        Random shuffle = new Random(FIRST_SEED);
        for (Map.Entry<String, List<String>> stream : lines.entrySet()) {
            // replay takes lines in any order
            Collections.shuffle(stream.getValue(), shuffle);
            run.add(stream.getKey(), stream.getValue().toArray(String[]::new));
        }

        ReplayRun.Outputs out = run.run(AS_OF);

        List<String> expected = new ArrayList<>();
        List<String> withTheDefect = new ArrayList<>();
        for (Map.Entry<String, List<RandomTravellers.Event>> h : histories.entrySet()) {
            for (String a : StayReference.alerts(h.getValue(), AS_OF)) {
                expected.add(h.getKey() + " " + a);
            }
            for (String a : StayReference.alertsWithExitDayAsKnownAtExit(h.getValue(), AS_OF)) {
                withTheDefect.add(h.getKey() + " " + a);
            }
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode a : out.alerts()) {
            actual.add(
                    bySubject.get(a.get("subjectRef").asText())
                            + " "
                            + a.get("type").asText()
                            + " "
                            + a.get("raisedAt").asText()
                            + " "
                            + a.get("details").get("overstayDays").asInt());
        }

        assertThat(out.deadLetters()).isEmpty();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        // The histories exercise the rules, and the same-day rule in particular: counting an exit
        // day as it stood at the exit for later days too would change some alerts.
        assertThat(expected.stream().filter(a -> a.contains(" OVERSTAY ")).count())
                .isGreaterThan(PEOPLE / 2);
        assertThat(expected.stream().filter(a -> a.contains(" OVERSTAY_ENDED ")).count())
                .isGreaterThan(PEOPLE / 4);
        assertThat(withTheDefect).isNotEqualTo(expected);
    }
}
