package kz.migration.monitor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The few calls of Flink's REST API that the local deployment needs. */
public final class FlinkRest {

    /** A job as {@code /jobs/overview} lists it. */
    public record Job(String id, String name, String state) {

        /** Whether it still runs or will run again (not finished, cancelled or failed). */
        public boolean alive() {
            return !List.of("FINISHED", "CANCELED", "FAILED", "SUSPENDED").contains(state);
        }
    }

    /**
     * The job's latest completed checkpoint.
     *
     * @param triggeredAtMillis when it started
     * @param completedAtMillis when the last task acknowledged it
     */
    public record Checkpoint(long id, long triggeredAtMillis, long completedAtMillis) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public FlinkRest(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** Whether the REST endpoint answers. */
    public boolean answers() {
        try {
            get("overview");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public List<Job> jobs() throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (JsonNode j : get("jobs/overview").path("jobs")) {
            jobs.add(
                    new Job(
                            j.path("jid").asText(),
                            j.path("name").asText(),
                            j.path("state").asText()));
        }
        return jobs;
    }

    /** The resource ids of the registered TaskManagers. */
    public Set<String> taskManagers() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode tm : get("taskmanagers").path("taskmanagers")) {
            ids.add(tm.path("id").asText());
        }
        return ids;
    }

    /** Whether the job runs with every task running (not only scheduled or initialising). */
    public boolean allTasksRunning(String jobId) throws IOException {
        JsonNode job = get("jobs/" + jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode v : job.path("vertices")) {
            if (!"RUNNING".equals(v.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** The resource ids of the TaskManagers that run tasks of the job. */
    public Set<String> taskManagersOf(String jobId) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode v : get("jobs/" + jobId).path("vertices")) {
            for (JsonNode tm :
                    get("jobs/" + jobId + "/vertices/" + v.path("id").asText() + "/taskmanagers")
                            .path("taskmanagers")) {
                ids.add(tm.path("taskmanager-id").asText());
            }
        }
        return ids;
    }

    public Optional<Checkpoint> latestCheckpoint(String jobId) throws IOException {
        JsonNode c = get("jobs/" + jobId + "/checkpoints").path("latest").path("completed");
        if (c.isMissingNode() || c.isNull()) {
            return Optional.empty();
        }
        return Optional.of(
                new Checkpoint(
                        c.path("id").asLong(),
                        c.path("trigger_timestamp").asLong(),
                        c.path("latest_ack_timestamp").asLong()));
    }

    private JsonNode get(String path) throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(
                        "GET "
                                + path
                                + " answered "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: GET " + path, e);
        }
    }
}
