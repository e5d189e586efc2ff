package kz.migration.monitor.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.Replay;
import kz.migration.monitor.json.Pseudonymiser;

/** The monitor's side: a replay, and the region rows of the {@code flow-stats} it wrote. */
public final class MonitorFlowStats {

    /** What a replay produced, as far as the comparison goes. */
    public record Result(long lines, Map<RegionDay, EntriesExits> regionRows) {}

    private final int parallelism;
    private final Pseudonymiser pseudonymiser;

    public MonitorFlowStats(int parallelism, Pseudonymiser pseudonymiser) {
        this.parallelism = parallelism;
        this.pseudonymiser = pseudonymiser;
    }

    /** Replays {@code inputDir} into {@code outputDir} and reads the region rows back. */
    public Result run(Path inputDir, Path outputDir) throws Exception {
        Replay.Summary s =
                new Replay(MonitorSettings.streaming(pseudonymiser), parallelism)
                        .run(inputDir, outputDir, null, lines -> {});
        return new Result(s.lines(), regionRows(outputDir.resolve("flow-stats.jsonl")));
    }

    /** The entries and exits of the rows without a city. */
    static Map<RegionDay, EntriesExits> regionRows(Path flowStats) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<RegionDay, EntriesExits> rows = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(flowStats, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode row = mapper.readTree(line);
                JsonNode city = row.get("city");
                if (city == null || city.isNull()) {
                    rows.put(
                            new RegionDay(
                                    LocalDate.parse(row.get("date").asText()),
                                    row.get("region").asText()),
                            new EntriesExits(
                                    row.get("entries").asLong(), row.get("exits").asLong()));
                }
            }
        }
        return rows;
    }
}
