package kz.migration.monitor.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The domain metrics as Flink's Prometheus reporter exposes them, read back from its text format
 * and named as the project's Prometheus configuration relabels them: {@code
 * flink_taskmanager_job_task_operator_<label keys>_migration_x} becomes {@code migration_x}, and
 * Flink's own variables (host, task manager, job, task, attempt, operator, subtask) are left out,
 * so the samples of a series from several subtasks add up. For the demo's summary and the tests;
 * Prometheus itself does this with {@code metric_relabel_configs}.
 */
public final class ReportedMetrics {

    /** The reporter's name of a domain metric: the operator scope, the label keys, the name. */
    public static final Pattern FLINK_NAME =
            Pattern.compile("flink_taskmanager_job_task_operator_(?:.*_)?(migration_\\w+)");

    /** The labels Flink's reporter adds to an operator's metrics. */
    public static final Set<String> FLINK_VARIABLES =
            Set.of(
                    "host",
                    "tm_id",
                    "job_id",
                    "job_name",
                    "task_id",
                    "task_name",
                    "task_attempt_id",
                    "task_attempt_num",
                    "subtask_index",
                    "operator_id",
                    "operator_name");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A sample of a domain metric. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public Sample {
            labels = Map.copyOf(labels);
        }
    }

    private final List<Sample> samples;

    private ReportedMetrics(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** The domain samples of a Prometheus text exposition; other metrics are skipped. */
    public static ReportedMetrics parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            Matcher name = FLINK_NAME.matcher(line.substring(0, end));
            if (!name.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            int at = end;
            if (at < line.length() && line.charAt(at) == '{') {
                at = readLabels(line, at + 1, labels);
            }
            String[] rest = line.substring(at).trim().split("\\s+");
            labels.keySet().removeAll(FLINK_VARIABLES);
            samples.add(new Sample(name.group(1), labels, number(rest[0])));
        }
        return new ReportedMetrics(samples);
    }

    /** Reads {@code uri} (a reporter's {@code /metrics}) and parses it. */
    public static ReportedMetrics scrape(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    /** Every domain sample. */
    public List<Sample> samples() {
        return samples;
    }

    /** The samples of {@code name}. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of each series of {@code name} (by its labels), summed over subtasks. */
    public Map<Map<String, String>, Double> series(String name) {
        Map<Map<String, String>, Double> series = new LinkedHashMap<>();
        for (Sample s : samples(name)) {
            series.merge(s.labels(), s.value(), Double::sum);
        }
        return series;
    }

    /** The sum of all samples of {@code name}; 0 when there is none. */
    public double sum(String name) {
        return samples(name).stream().mapToDouble(Sample::value).sum();
    }

    /** The sum of the samples of {@code name} whose {@code label} is {@code value}. */
    public double sum(String name, String label, String value) {
        return samples(name).stream()
                .filter(s -> value.equals(s.labels().get(label)))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** Reads {@code key="value",...}} from {@code at}; returns the index after the brace. */
    private static int readLabels(String line, int at, Map<String, String> labels) {
        while (at < line.length() && line.charAt(at) != '}') {
            int eq = line.indexOf('=', at);
            String key = line.substring(at, eq).trim();
            StringBuilder value = new StringBuilder();
            int i = line.indexOf('"', eq) + 1;
            for (; line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char next = line.charAt(++i);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            at = i + 1;
            if (at < line.length() && line.charAt(at) == ',') {
                at++;
            }
        }
        return at + 1;
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
