package kz.migration.monitor.stay;

import static kz.migration.monitor.SampleEvents.at;
import static kz.migration.monitor.SampleEvents.entry;
import static kz.migration.monitor.SampleEvents.exit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import kz.migration.monitor.event.EntryBan;
import org.junit.jupiter.api.Test;

/** Which records the entry-ban check is sent, in the streaming job and in a replay. */
class BannedSubjectsTest {

    private static final Random RANDOM = new Random(7);

    private static String pseudonym() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void everyPersonNamedIsKeptAndOthersAreNot() {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            named.add(pseudonym());
        }
        BannedSubjects banned = BannedSubjects.only(named);

        assertThat(named).allMatch(banned::mayBeBanned);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            others.add(pseudonym());
        }
        assertThat(others).noneMatch(banned::mayBeBanned);
        assertThat(banned.size()).isEqualTo(5_000);
    }

    @Test
    void theStreamingJobSendsEveryEntryAndReplayOnlyThoseOfPersonsItsFilesBan() {
        String bannedPerson = pseudonym();
        String other = pseudonym();
        EntryBan ban =
                new EntryBan(
                        "b1",
                        at("2026-03-01T10:00"),
                        bannedPerson,
                        LocalDate.parse("2027-01-01"),
                        null);
        BannedSubjects inFiles = BannedSubjects.only(List.of(bannedPerson));

        for (BannedSubjects banned : List.of(BannedSubjects.ANYONE, inFiles)) {
            assertThat(EntryBanCheck.reads(ban, banned)).isTrue();
            assertThat(
                            EntryBanCheck.reads(
                                    entry("c1", "2026-03-02T10:00", bannedPerson, "UZB"), banned))
                    .isTrue();
            assertThat(
                            EntryBanCheck.reads(
                                    exit("c2", "2026-03-03T10:00", bannedPerson, "UZB"), banned))
                    .isFalse();
        }
        assertThat(
                        EntryBanCheck.reads(
                                entry("c3", "2026-03-02T10:00", other, "UZB"),
                                BannedSubjects.ANYONE))
                .isTrue();
        assertThat(EntryBanCheck.reads(entry("c3", "2026-03-02T10:00", other, "UZB"), inFiles))
                .isFalse();
        // A replay whose files ban nobody checks no entry.
        assertThat(
                        EntryBanCheck.reads(
                                entry("c4", "2026-03-02T10:00", bannedPerson, "UZB"),
                                BannedSubjects.only(List.of())))
                .isFalse();
    }
}
