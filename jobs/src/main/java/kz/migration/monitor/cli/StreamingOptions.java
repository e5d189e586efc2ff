package kz.migration.monitor.cli;

import java.time.Duration;
import kz.migration.monitor.job.KafkaInputs;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.StateChangelog;
import kz.migration.monitor.job.StreamingJob;
import kz.migration.monitor.json.Pseudonymiser;
import picocli.CommandLine.Option;

/** The options of the streaming job, shared by {@code run} and {@code demo}. */
final class StreamingOptions {

    @Option(
            names = "--topic-prefix",
            defaultValue = "",
            description = "Prefix of all topic names (default: none).")
    String topicPrefix;

    @Option(
            names = "--group-id",
            defaultValue = "migration-monitor",
            description =
                    "Kafka consumer group and transactional id prefix (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(
            names = "--parallelism",
            defaultValue = "0",
            description = "Job parallelism (default: the cluster's).")
    int parallelism;

    @Option(
            names = "--lateness",
            defaultValue = "PT5M",
            description =
                    "Allowed out-of-orderness, ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration lateness;

    @Option(
            names = "--idleness",
            defaultValue = "PT1M",
            description =
                    "A partition silent this long stops holding back the watermark (default:"
                            + " ${DEFAULT-VALUE}).")
    Duration idleness;

    @Option(
            names = "--checkpoint-interval",
            defaultValue = "PT30S",
            description =
                    "Checkpoint interval; outputs become visible when a checkpoint completes"
                            + " (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(
            names = "--checkpoint-dir",
            description = "Checkpoint storage URI, e.g. file:///var/lib/monitor/checkpoints.")
    String checkpointDir;

    @Option(
            names = "--state-backend",
            defaultValue = "hashmap",
            description = "hashmap (heap) or rocksdb (default: ${DEFAULT-VALUE}).")
    String stateBackend;

    @Option(
            names = "--state-changelog",
            description =
                    "Also log state changes to Flink's state changelog under --checkpoint-dir, so"
                            + " that a checkpoint writes only the changes since the last one: for"
                            + " checkpoint intervals of a few seconds and below, where writing out"
                            + " RocksDB's files at every checkpoint holds the job back.")
    boolean stateChangelog;

    @Option(
            names = "--materialization-interval",
            defaultValue = "PT10M",
            description =
                    "With --state-changelog: how often the state backend's own state is written"
                            + " out, after which the changelog before it is dropped (default:"
                            + " ${DEFAULT-VALUE}).")
    Duration materializationInterval;

    @Option(
            names = "--from-earliest",
            description = "Read the input topics from the start instead of the committed offsets.")
    boolean fromEarliest;

    @Option(
            names = "--bounded",
            description =
                    "Stop at the input offsets that are the latest at start (a catch-up run); time"
                            + " then stands at the start of the run, as at a replay's --as-of, so"
                            + " nothing that would only become true later is reported.")
    boolean bounded;

    @picocli.CommandLine.Mixin RuleOptions rules;

    @picocli.CommandLine.Mixin KafkaSecurityOptions security;

    /** Rejects options that do not go together, before anything is started. */
    void validate() {
        if (!stateBackend.equals("hashmap") && !stateBackend.equals("rocksdb")) {
            throw new IllegalArgumentException(
                    "--state-backend must be hashmap or rocksdb, not " + stateBackend);
        }
        if (stateChangelog && checkpointDir == null) {
            throw new IllegalArgumentException(
                    "--state-changelog needs --checkpoint-dir: the changelog is kept there");
        }
    }

    StreamingJob job(String bootstrapServers, Pseudonymiser pseudonymiser) {
        validate();
        MonitorSettings settings = rules.applyTo(MonitorSettings.streaming(pseudonymiser));
        if (bounded) {
            // The end of a bounded input would otherwise end time itself and fire every future
            // timer.
            settings = settings.asOf(java.time.Instant.now());
        }
        return new StreamingJob(
                new KafkaInputs.Config(
                        bootstrapServers,
                        topicPrefix,
                        groupId,
                        fromEarliest,
                        lateness,
                        idleness,
                        bounded,
                        security.clientProperties()),
                topicPrefix,
                settings,
                parallelism,
                checkpointInterval,
                checkpointDir,
                stateBackend,
                stateChangelog
                        ? StateChangelog.every(materializationInterval)
                        : StateChangelog.OFF);
    }
}
