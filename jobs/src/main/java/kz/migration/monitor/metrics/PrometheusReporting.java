package kz.migration.monitor.metrics;

import org.apache.flink.configuration.Configuration;

/**
 * The configuration of Flink's Prometheus reporter that exports the job's metrics, its own and the
 * domain metrics, for a MiniCluster ({@code run} with {@code java -jar}, {@code demo}, tests). A
 * cluster needs the same keys in its own configuration (docker-compose.yml, the Kubernetes
 * deployment).
 *
 * <p>Label values are not filtered: the reporter would otherwise turn {@code KZ-75} into {@code
 * KZ_75} and a city's spelling into underscores, and the dashboards select the contract's codes.
 * The reporter escapes label values as the text format requires.
 *
 * @param port a port or a range such as {@code 9249-9258}
 */
public record PrometheusReporting(String port) {

    /** The reporter's name in the configuration keys. */
    public static final String REPORTER = "prom";

    public Configuration configuration() {
        Configuration conf = new Configuration();
        String prefix = "metrics.reporter." + REPORTER + ".";
        conf.setString(
                prefix + "factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        conf.setString(prefix + "port", port);
        conf.setString(prefix + "filterLabelValueCharacters", "false");
        return conf;
    }
}
