package kz.migration.monitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.migration.monitor.cluster.ContractTopics;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.KafkaRecordSink;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.job.StateChangelog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Event-to-alert latency: generated traffic produced at a steady rate to a broker of its own
 * process while the job runs live in a JVM of its own (exactly once, short checkpoint interval),
 * and a {@code read_committed} consumer on {@code alerts} times each alert from the send of the
 * input event it was raised at to its visibility.
 *
 * <p>The traffic is the generator's, played at {@code rate} records a second, so event time runs
 * far faster than real time (a simulated day in a few seconds at the national scale): lateness is
 * event time and costs little real time, while idleness is real time and must be short, because the
 * reference-data partitions are silent most of the time and would hold the watermark, and so every
 * event-time ordered operator's output, back for that long.
 */
public record LatencyBench(
        Path jar,
        Path work,
        GeneratorSettings traffic,
        int partitions,
        int parallelism,
        String stateBackend,
        StateChangelog stateChangelog,
        double rate,
        Duration warmUp,
        Duration duration,
        Duration checkpointInterval,
        Duration lateness,
        Duration idleness,
        String jobHeap) {

    private static final String GROUP = "bench-latency";

    /** Records sent before the paced run, while the job starts. */
    private static final int PRIMER = 1000;

    /** Thrown by the producing sink to end the generator when the run's time is up. */
    private static final class TimeUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeUp() {
            super(null, null, false, false);
        }
    }

    /** Runs the benchmark and returns its report (Markdown). */
    public String run() throws Exception {
        Files.createDirectories(work);
        try (BenchBroker broker = BenchBroker.start(jar, work.resolve("broker"), "1g")) {
            String bootstrap = broker.bootstrapServers();
            ContractTopics.ensure(bootstrap, "", partitions);
            stampAlertsOnAppend(bootstrap);
            List<String> args =
                    new ArrayList<>(
                            List.of(
                                    "--from-earliest",
                                    "--group-id",
                                    GROUP,
                                    "--topic-prefix",
                                    "",
                                    "--state-backend",
                                    stateBackend,
                                    "--parallelism",
                                    String.valueOf(parallelism),
                                    "--checkpoint-interval",
                                    checkpointInterval.toString(),
                                    "--checkpoint-dir",
                                    work.resolve("checkpoints").toUri().toString(),
                                    "--lateness",
                                    lateness.toString(),
                                    "--idleness",
                                    idleness.toString(),
                                    "--flink-metrics-port",
                                    "0"));
            args.addAll(changelogArgs());
            Path log = work.resolve("job.log");
            try (AlertLatency latency = new AlertLatency(bootstrap, Topics.ALERTS);
                    BenchProcess job = JobProcess.start(jar, bootstrap, args, jobHeap, null, log)) {
                StreamingBench.log("job started as %s, log %s", job, log);
                List<Rec> records = generate();
                StreamingBench.log("generated %,d records", records.size());
                // A first few records, so that the job's source has offsets to commit.
                int primer = Math.min(PRIMER, records.size());
                try (KafkaRecordSink kafka = new KafkaRecordSink(bootstrap)) {
                    for (Rec r : records.subList(0, primer)) {
                        latency.sent(r.occurredAt());
                        kafka.accept(r.stream(), r.key(), r.json(), r.occurredAt());
                    }
                }
                awaitFirstCheckpoint(bootstrap, job, log);
                StreamingBench.log("the job completed a checkpoint: producing");
                Produced produced =
                        produce(bootstrap, latency, records.subList(primer, records.size()));
                StreamingBench.log(
                        "produced %,d records at %,.0f/s", produced.records(), produced.rate());
                long lag = lag(bootstrap);
                // Drain: wait until no alert has come for a while (or at most a minute).
                long deadline = System.currentTimeMillis() + 60_000;
                while (System.currentTimeMillis() < deadline
                        && System.currentTimeMillis() - latency.lastAlertMillis() < 5_000) {
                    Thread.sleep(500);
                }
                if (!job.isAlive()) {
                    throw new IllegalStateException("the job died; see " + log);
                }
                CompletedCheckpoints checkpoints =
                        CompletedCheckpoints.read(JobProcess.fullLog(log), ZoneId.systemDefault())
                                .between(produced.measuredFromMillis(), produced.endMillis());
                // A shorter idleness could make reference data late: late records become dead
                // letters, so their count shows whether any were.
                Map<String, Long> outputs = OutputCounts.committed(bootstrap, Topics.outputs());
                return report(produced, lag, latency, checkpoints, outputs);
            }
        }
    }

    /**
     * What was produced; {@code measuredFromMillis} and {@code endMillis} are the wall-clock bounds
     * of the measured part.
     */
    private record Produced(
            long records,
            long measured,
            double rate,
            double eventTimeSpeed,
            long measuredFromMillis,
            long endMillis) {}

    /**
     * Lets the broker stamp each alert with the time it was appended, which is when the job wrote
     * it (its transaction still open), rather than with the alert's event time: {@link
     * AlertLatency} splits each latency there.
     */
    private static void stampAlertsOnAppend(String bootstrap) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource alerts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ALERTS);
            AlterConfigOp logAppend =
                    new AlterConfigOp(
                            new ConfigEntry(
                                    TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"),
                            AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(alerts, List.of(logAppend))).all().get();
        }
    }

    /** One generated record, kept until its turn to be sent. */
    private record Rec(String stream, String key, String json, Instant occurredAt) {}

    /**
     * The records of the whole run, generated before it starts, so that generating does not compete
     * with sending (and the job) for the cores while the rate must hold.
     */
    private List<Rec> generate() {
        int wanted = (int) (rate * (warmUp.toMillis() + duration.toMillis()) / 1e3);
        List<Rec> records = new ArrayList<>(wanted);
        try {
            new TrafficGenerator(traffic)
                    .generate(
                            (stream, key, json, occurredAt) -> {
                                if (records.size() >= wanted) {
                                    throw new TimeUp();
                                }
                                records.add(new Rec(stream, key, json, occurredAt));
                            });
        } catch (TimeUp e) {
            // enough for the run
        }
        return records;
    }

    private Produced produce(String bootstrap, AlertLatency latency, List<Rec> records)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        long sent = 0;
        long measured = 0;
        long firstMeasured = 0;
        long lastMeasured = 0;
        long measuredFromMillis = 0;
        try (KafkaRecordSink kafka = new KafkaRecordSink(bootstrap)) {
            for (Rec r : records) {
                long due = start + (long) (sent * 1e9 / rate);
                long ahead = due - System.nanoTime();
                if (ahead > 1_000_000) {
                    Thread.sleep(ahead / 1_000_000);
                }
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                if (now >= measureFrom) {
                    if (measured == 0) {
                        measuredFromMillis = System.currentTimeMillis();
                        latency.measureFrom(measuredFromMillis);
                        firstMeasured = r.occurredAt().toEpochMilli();
                    }
                    measured++;
                    lastMeasured = r.occurredAt().toEpochMilli();
                }
                latency.sent(r.occurredAt());
                kafka.accept(r.stream(), r.key(), r.json(), r.occurredAt());
                sent++;
            }
        }
        double seconds = duration.toMillis() / 1e3;
        return new Produced(
                sent,
                measured,
                measured / seconds,
                (lastMeasured - firstMeasured) / 1e3 / seconds,
                measuredFromMillis,
                System.currentTimeMillis());
    }

    /** Waits until the job has completed a checkpoint: its source commits offsets then. */
    private static void awaitFirstCheckpoint(String bootstrap, BenchProcess job, Path log)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .isEmpty()) {
                if (!job.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the job completed no checkpoint; see " + log);
                }
                Thread.sleep(500);
            }
        }
    }

    /** Input records the job had not yet committed offsets for when production stopped. */
    private static long lag(String bootstrap) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            List<TopicPartition> inputs = new ArrayList<>();
            for (var d : admin.describeTopics(Topics.inputs()).allTopicNames().get().values()) {
                d.partitions()
                        .forEach(p -> inputs.add(new TopicPartition(d.name(), p.partition())));
            }
            var ends =
                    admin.listOffsets(
                                    inputs.stream()
                                            .collect(
                                                    Collectors.toMap(
                                                            tp -> tp, tp -> OffsetSpec.latest())))
                            .all()
                            .get();
            long lag = 0;
            for (TopicPartition tp : inputs) {
                OffsetAndMetadata c = committed.get(tp);
                lag += ends.get(tp).offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    private static void row(StringBuilder b, String what, AlertLatency.Histogram h) {
        b.append(
                String.format(
                        "| %s | %,d | %,d | %,d | %,d | %,d |%n",
                        what, h.count(), h.p50(), h.p90(), h.p99(), h.max()));
    }

    /** {@code run}'s options for the state changelog: none when it is off. */
    private List<String> changelogArgs() {
        return stateChangelog.enabled()
                ? List.of(
                        "--state-changelog",
                        "--materialization-interval",
                        stateChangelog.materializationInterval().toString())
                : List.of();
    }

    private String report(
            Produced produced,
            long lag,
            AlertLatency latency,
            CompletedCheckpoints checkpoints,
            Map<String, Long> outputs) {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        "# Event-to-alert latency%n%n| figure | value |%n|---|---|%n| traffic |"
                            + " generated, %,d border events/day, seed %d, %d partitions per topic,"
                            + " produced at %,.0f records/s (asked %,.0f) for %s after a warm-up of"
                            + " %s: %,d records measured; event time ran %,.0f times real time |%n|"
                            + " job | `run --from-earliest --state-backend %s --parallelism %d"
                            + " --checkpoint-interval %s --lateness %s --idleness %s%s`, exactly"
                            + " once, in a JVM of its own (-Xmx%s) |%n| input not yet committed by"
                            + " the job when production stopped | %,d records (%.1f s of input)"
                            + " |%n",
                        traffic.scale(),
                        traffic.seed(),
                        partitions,
                        produced.rate(),
                        rate,
                        duration,
                        warmUp,
                        produced.measured(),
                        produced.eventTimeSpeed(),
                        stateBackend,
                        parallelism,
                        checkpointInterval,
                        lateness,
                        idleness,
                        changelogArgs().isEmpty() ? "" : " " + String.join(" ", changelogArgs()),
                        jobHeap,
                        lag,
                        lag / Math.max(produced.rate(), 1)));
        b.append(
                String.format(
                        "| outputs committed by the end of the run | %s |%n",
                        outputs.entrySet().stream()
                                .map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                                .collect(Collectors.joining(", "))));
        if (lag > 2 * produced.rate()) {
            b.append(
                    String.format(
                            "%n**The job did not keep up with %,.0f records/s: its latency grows"
                                    + " with the run, and the figures below are those of a"
                                    + " backlog.**%n",
                            produced.rate()));
        }
        b.append(
                String.format(
                        "%n| alerts (raised at an input event) | count | p50 ms | p90 ms | p99 ms |"
                                + " max ms |%n|---|---|---|---|---|---|%n"));
        latency.histograms().forEach((type, h) -> row(b, type.equals("all") ? "**all**" : type, h));
        AlertLatency.Parts parts = latency.parts();
        AlertLatency.Histogram durations = AlertLatency.Histogram.of(checkpoints.durations());
        AlertLatency.Histogram gaps = AlertLatency.Histogram.of(checkpoints.gaps());
        b.append(
                String.format(
                        "%n| where the time went | count | p50 ms | p90 ms | p99 ms | max ms |%n"
                                + "|---|---|---|---|---|---|%n"));
        row(b, "alerts: input sent to alert written (the job's processing)", parts.written());
        row(b, "alerts: written to visible (the commit's wait)", parts.committed());
        row(b, "checkpoints completed while measured: duration", durations);
        row(b, "the same: time between one completion and the next", gaps);
        b.append(
                String.format(
                        "%nLatency: from the producer's send of the input event at the alert's"
                                + " raisedAt (the earliest sent at that instant) to the poll that"
                                + " returned the alert to a read_committed consumer. Left out:"
                                + " %,d alerts caused during the warm-up, and alerts raised at"
                                + " no input event's instant %s.%n",
                        latency.warmUpAlerts(), latency.unmatched()));
        b.append(
                String.format(
                        "%nAn alert is written when the job's sink sends it (the broker stamps it"
                                + " on append) and visible once the checkpoint after that"
                                + " completes; checkpoints from the job's log, %s.%n",
                        JobProcess.fullLog(work.resolve("job.log")).getFileName()));
        b.append(
                String.format(
                        "%nMachine: %d cores, Java %s.%n",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));
        return b.toString();
    }
}
