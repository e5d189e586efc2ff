package kz.migration.monitor.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.Replay;
import kz.migration.monitor.job.ReplayMode;
import kz.migration.monitor.json.Pseudonymiser;

/**
 * A replay in this JVM over input lines a test writes, exactly as the {@code replay} command runs
 * it, with its four output files read back as JSON. Each run replays the lines in both {@link
 * ReplayMode}s and fails unless their outputs are byte for byte the same, so every replay test
 * holds for both.
 */
public final class ReplayRun {

    public static final String KEY = "test-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<String, List<String>> inputs = new LinkedHashMap<>();

    public ReplayRun(Path dir) {
        this.dir = dir;
    }

    /** Adds raw lines to a stream's file, e.g. {@code border-crossings}. */
    public ReplayRun add(String stream, String... lines) {
        inputs.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(List.of(lines));
        return this;
    }

    public Outputs run() {
        return run(null);
    }

    /** Runs the replay with time standing at {@code asOf} ({@code null}: the latest event). */
    public Outputs run(Instant asOf) {
        try {
            Path in = Files.createDirectories(dir.resolve("in"));
            Path out = dir.resolve("out");
            for (Map.Entry<String, List<String>> e : inputs.entrySet()) {
                Files.write(
                        in.resolve(e.getKey() + ".jsonl"), e.getValue(), StandardCharsets.UTF_8);
            }
            Path sorted = dir.resolve("out-batch");
            replay(ReplayMode.STREAMING, in, out, asOf);
            replay(ReplayMode.BATCH, in, sorted, asOf);
            for (String file : OUTPUTS) {
                byte[] streaming = Files.readAllBytes(out.resolve(file));
                byte[] batch = Files.readAllBytes(sorted.resolve(file));
                if (!java.util.Arrays.equals(streaming, batch)) {
                    throw new AssertionError(
                            file
                                    + " differs between the modes; streaming:\n"
                                    + new String(streaming, StandardCharsets.UTF_8)
                                    + "\nbatch:\n"
                                    + new String(batch, StandardCharsets.UTF_8));
                }
            }
            return new Outputs(
                    read(out.resolve("alerts.jsonl")),
                    read(out.resolve("flow-stats.jsonl")),
                    read(out.resolve("flow-matrix.jsonl")),
                    read(out.resolve("dead-letters.jsonl")));
        } catch (Exception e) {
            // CI shows only this message: name the cause that ended the replay.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalStateException("replay failed: " + root, e);
        }
    }

    private static final List<String> OUTPUTS =
            List.of("alerts.jsonl", "flow-stats.jsonl", "flow-matrix.jsonl", "dead-letters.jsonl");

    private static void replay(ReplayMode mode, Path in, Path out, Instant asOf) throws Exception {
        try {
            new Replay(MonitorSettings.streaming(new Pseudonymiser(KEY)), 2, mode)
                    .run(in, out, asOf, n -> {});
        } catch (Exception e) {
            throw new Exception("in " + mode + " mode", e);
        }
        try (var left = Files.list(out)) {
            List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
            if (!names.equals(OUTPUTS.stream().sorted().toList())) {
                throw new AssertionError(mode + " replay left " + names + " in its output");
            }
        }
    }

    public static String subjectRef(String personId) {
        return new Pseudonymiser(KEY).subjectRef(personId);
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    /** The four outputs of a replay. */
    public record Outputs(
            List<JsonNode> alerts,
            List<JsonNode> flowStats,
            List<JsonNode> flowMatrix,
            List<JsonNode> deadLetters) {

        public List<JsonNode> alerts(String type) {
            return alerts.stream()
                    .filter(a -> a.get("type").asText().equals(type))
                    .collect(Collectors.toList());
        }

        /** The flow-stats row of a date and region ({@code city == null}) or city. */
        public JsonNode stats(String date, String region, String city) {
            return flowStats.stream()
                    .filter(
                            r ->
                                    r.get("date").asText().equals(date)
                                            && r.get("region").asText().equals(region))
                    .filter(
                            r ->
                                    city == null
                                            ? r.get("city").isNull()
                                            : city.equals(r.get("city").asText(null)))
                    .findFirst()
                    .orElse(null);
        }

        public static String lines(List<JsonNode> rows) {
            return rows.stream().map(JsonNode::toString).collect(Collectors.joining("\n"));
        }
    }
}
