package kz.migration.monitor.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.Replay;
import kz.migration.monitor.job.ReplayMode;
import kz.migration.monitor.json.Pseudonymiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code replay}: the monitor's operators over the contract's JSONL files. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the monitor over DIR/border-crossings.jsonl, registrations.jsonl,"
                + " employment.jsonl and reference-data.jsonl (each optional, lines in any order)"
                + " and writes alerts.jsonl, flow-stats.jsonl, flow-matrix.jsonl and"
                + " dead-letters.jsonl.",
            "The pseudonymisation key comes from MONITOR_PSEUDONYM_KEY."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Option(
            names = "--input",
            required = true,
            paramLabel = "DIR",
            description = "Directory of input .jsonl files.")
    Path input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "DIR",
            description = "Directory for the outputs (created if missing).")
    Path output;

    @Option(
            names = "--as-of",
            paramLabel = "INSTANT",
            description =
                    "Time stands here (ISO-8601 with offset). Default: the latest occurredAt of any"
                            + " valid record.")
    String asOf;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Operator parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--mode",
            defaultValue = "batch",
            paramLabel = "MODE",
            description =
                    "batch (input sorted on disk by key and time; bounded memory, and the faster"
                            + " from a day of input to a year), streaming (every person of the"
                            + " stay window in the heap) or auto: batch when the input has more"
                            + " lines than the maximum heap holds at 1 KiB a line, else streaming"
                            + " (default: ${DEFAULT-VALUE}).")
    String mode;

    @picocli.CommandLine.Mixin RuleOptions rules;

    /** {@code --mode} as a {@link ReplayMode}. */
    static ReplayMode replayMode(String mode) {
        for (ReplayMode m : ReplayMode.values()) {
            if (m.name().equalsIgnoreCase(mode)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--mode: streaming, batch or auto, not " + mode);
    }

    @Override
    public Integer call() throws Exception {
        Instant at = null;
        if (asOf != null) {
            try {
                at = OffsetDateTime.parse(asOf).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--as-of " + asOf + " is not an ISO-8601 instant with an offset");
            }
        }
        if (!java.nio.file.Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input " + input + " is not a directory");
        }
        ReplayMode chosen = replayMode(mode);
        rules.validate();
        Pseudonymiser key = Pseudonymiser.fromEnvironment();
        ProgressBar bar = new ProgressBar("replay");
        Replay.Summary s =
                new Replay(rules.applyTo(MonitorSettings.streaming(key)), parallelism, chosen)
                        .run(input, output, at, bar::total, bar::update);
        bar.done();
        System.err.printf(
                "replayed %,d lines as of %s (%s mode): %d alerts, %d flow-stats rows, %d"
                        + " flow-matrix rows, %d dead letters -> %s%n",
                s.lines(),
                s.asOf(),
                s.mode().name().toLowerCase(java.util.Locale.ROOT),
                s.alerts(),
                s.flowStats(),
                s.flowMatrix(),
                s.deadLetters(),
                output);
        return 0;
    }
}
