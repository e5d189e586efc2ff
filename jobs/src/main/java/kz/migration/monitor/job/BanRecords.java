package kz.migration.monitor.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.migration.monitor.event.EntryBan;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.json.RawPayload;
import kz.migration.monitor.stay.BannedSubjects;

/**
 * Replay's look at its reference-data file before the job starts: the persons its {@code ENTRY_BAN}
 * records name, read and parsed exactly as the file's source will read them ({@link
 * JsonLinesFormat}), so every ban the job will apply is among them. Losing copies and records after
 * the as-of count too; a person named needlessly only costs the check of their entries.
 */
final class BanRecords {

    private BanRecords() {}

    /** The persons banned somewhere in {@code file}; nobody if there is no such file. */
    static BannedSubjects namedIn(Path file, Pseudonymiser pseudonymiser, Instant receivedAt)
            throws IOException {
        List<String> banned = new ArrayList<>();
        if (file != null) {
            InputParser<?> parser = InputParser.of(SourceStream.REFERENCE_DATA, pseudonymiser);
            try (BoundedLines lines = new BoundedLines(Files.newInputStream(file))) {
                RawPayload line;
                while ((line = lines.next()) != null) {
                    if ((line.problem() != null || !line.text().isBlank())
                            && parser.parse(line, receivedAt).event() instanceof EntryBan ban) {
                        banned.add(ban.bannedSubjectRef());
                    }
                }
            }
        }
        return BannedSubjects.only(banned);
    }
}
