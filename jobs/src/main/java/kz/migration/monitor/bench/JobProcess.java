package kz.migration.monitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.migration.monitor.json.Pseudonymiser;

/**
 * The streaming job as a user starts it, {@code run}, in a JVM of its own (a local MiniCluster):
 * the benchmark's own JVM and its garbage do not slow it, and its time includes what a user waits
 * for (JVM and MiniCluster start, the final checkpoint and commit).
 */
final class JobProcess {

    /** The line {@code run} prints when its job has finished. */
    private static final Pattern FINISHED = Pattern.compile("job finished after (\\d+) ms");

    private JobProcess() {}

    /**
     * Starts {@code run --bootstrap <servers> <runArgs>}.
     *
     * @param heap the JVM's {@code -Xmx} and {@code -Xms}
     * @param jfr a Java Flight Recording (profile settings) of the whole run goes there, or {@code
     *     null}
     */
    static BenchProcess start(
            Path jar, String bootstrap, List<String> runArgs, String heap, Path jfr, Path log)
            throws IOException {
        // The job's MiniCluster keeps RocksDB's working files under the JVM's temporary directory,
        // and a job stopped at the end of a run leaves them there: beside its log, they go with
        // the bench's work directory rather than fill /tmp (half a gigabyte a run).
        Path tmp = Files.createDirectories(log.toAbsolutePath().getParent().resolve("tmp"));
        List<String> jvm =
                new ArrayList<>(
                        List.of(
                                "-Xmx" + heap,
                                "-Xms" + heap,
                                "-Djava.io.tmpdir=" + tmp,
                                "-Dmigration.monitor.log=" + fullLog(log)));
        if (jfr != null) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        List<String> args = new ArrayList<>(List.of("run", "--bootstrap", bootstrap));
        args.addAll(runArgs);
        return BenchProcess.start(
                "job",
                jar,
                jvm,
                args,
                Map.of("MONITOR_PSEUDONYM_KEY", Pseudonymiser.DEMO_KEY),
                log);
    }

    /**
     * The job's whole log at INFO (its completed checkpoints among it) beside {@code log}, which
     * gets only the console's warnings: {@code job.log} has {@code job.full.log}.
     */
    static Path fullLog(Path log) {
        String name = log.getFileName().toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        return log.resolveSibling(stem + ".full.log");
    }

    /** Flink's net runtime of the job as {@code run} reported it in {@code log}. */
    static OptionalLong netRuntimeMillis(Path log) throws IOException {
        Matcher m = FINISHED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last < 0 ? OptionalLong.empty() : OptionalLong.of(last);
    }
}
