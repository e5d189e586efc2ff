package kz.migration.monitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.JobID;

/**
 * How far a running job has come, read from Flink's REST API: its event time (the lowest input
 * watermark of any operator after the sources) and its last completed checkpoint. The demo uses it
 * to tell when its history has been processed and committed.
 */
final class JobProgress {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String job;
    private Set<String> afterSources;

    JobProgress(int restPort, JobID id) {
        this.job = "http://127.0.0.1:" + restPort + "/jobs/" + id;
    }

    /**
     * The job's event time: every operator has seen the watermark pass it. Empty until every
     * operator has a watermark, or while the REST API does not answer.
     */
    Optional<Instant> eventTime() {
        try {
            long lowest = Long.MAX_VALUE;
            for (String vertex : verticesAfterSources()) {
                for (JsonNode metric : get("/vertices/" + vertex + "/watermarks")) {
                    if (metric.path("id").asText().endsWith("currentInputWatermark")) {
                        lowest = Math.min(lowest, Long.parseLong(metric.path("value").asText()));
                    }
                }
            }
            return lowest == Long.MAX_VALUE || lowest == Long.MIN_VALUE
                    ? Optional.empty()
                    : Optional.of(Instant.ofEpochMilli(lowest));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** When the latest completed checkpoint was triggered, or empty before the first. */
    Optional<Instant> lastCheckpointTriggered() {
        try {
            JsonNode completed = get("/checkpoints").path("latest").path("completed");
            return completed.has("trigger_timestamp")
                    ? Optional.of(Instant.ofEpochMilli(completed.get("trigger_timestamp").asLong()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The job graph's vertices that have inputs (a source has no input watermark of its own). */
    private Set<String> verticesAfterSources() throws IOException {
        if (afterSources == null) {
            Set<String> ids = new HashSet<>();
            for (JsonNode node : get("/plan").path("plan").path("nodes")) {
                if (node.path("inputs").size() > 0) {
                    ids.add(node.path("id").asText());
                }
            }
            if (ids.isEmpty()) {
                throw new IOException("no plan yet");
            }
            afterSources = ids;
        }
        return afterSources;
    }

    private JsonNode get(String path) throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(job + path))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(path + ": HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
