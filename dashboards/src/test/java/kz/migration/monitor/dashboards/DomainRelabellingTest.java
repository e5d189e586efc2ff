package kz.migration.monitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The job's domain metrics reach Prometheus under Flink's names and are renamed by relabelling (see
 * prometheus.yml): every scrape configuration the project ships must relabel alike, or a dashboard
 * would read other series in one deployment than in another. ObservabilityEndToEndTest checks with
 * a real Prometheus that the relabelling of prometheus.yml gives the dashboards' names.
 */
class DomainRelabellingTest {

    private static final Pattern RULE =
            Pattern.compile("(?m)^\\s*-?\\s*(regex|action|targetLabel|target_label):\\s*(\\S+)");

    @Test
    void everyScrapeConfigurationRelabelsTheDomainMetricsAlike() throws IOException {
        Path prometheus = Tools.module().resolve("prometheus");
        List<String> local = rules(prometheus.resolve("prometheus.yml"), "job_name: migration");
        assertThat(local)
                .contains("regex=flink_taskmanager_job_task_operator_(?:.*_)?(migration_.+)");
        assertThat(rules(prometheus.resolve("prometheus-compose.yml"), "job_name: migration"))
                .isEqualTo(local);
        List<String> kubernetes =
                rules(
                        Tools.repoRoot().resolve("deploy/kubernetes/pod-monitors.yaml"),
                        "name: migration-monitor-domain");
        // The operator's relabelings also set the job label, which static configs name instead.
        assertThat(kubernetes.subList(1, kubernetes.size())).isEqualTo(local);
    }

    @Test
    void flinksScrapeLeavesTheDomainMetricsToTheMigrationJob() throws IOException {
        Path prometheus = Tools.module().resolve("prometheus");
        List<String> drop =
                List.of(
                        "regex=flink_taskmanager_job_task_operator_(.*_)?migration_.+",
                        "action=drop");
        assertThat(
                        between(
                                prometheus.resolve("prometheus.yml"),
                                "job_name: flink",
                                "job_name: migration"))
                .isEqualTo(drop);
        assertThat(
                        between(
                                prometheus.resolve("prometheus-compose.yml"),
                                "job_name: flink",
                                "job_name: migration"))
                .isEqualTo(drop);
        List<String> kubernetes =
                between(
                        Tools.repoRoot().resolve("deploy/kubernetes/pod-monitors.yaml"),
                        "name: migration-monitor-flink",
                        "name: migration-monitor-domain");
        assertThat(kubernetes.subList(1, kubernetes.size())).isEqualTo(drop);
    }

    /** The relabelling rules' fields after {@code start}, in order, as {@code field=value}. */
    private static List<String> rules(Path file, String start) throws IOException {
        String text = Files.readString(file);
        return fields(text.substring(text.indexOf(start)));
    }

    private static List<String> between(Path file, String start, String end) throws IOException {
        String text = Files.readString(file);
        int from = text.indexOf(start);
        return fields(text.substring(from, text.indexOf(end, from)));
    }

    private static List<String> fields(String text) {
        Matcher m = RULE.matcher(text);
        List<String> fields = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1).equals("targetLabel") ? "target_label" : m.group(1);
            fields.add(name + "=" + m.group(2));
        }
        return fields;
    }
}
