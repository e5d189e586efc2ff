package kz.migration.monitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.migration.monitor.cluster.ContractTopics;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratedRecordSink;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.KafkaRecordSink;
import kz.migration.monitor.generator.PacedSink;
import kz.migration.monitor.generator.TrafficGenerator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

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
        double rate,
        Duration warmUp,
        Duration duration,
        Duration checkpointInterval,
        Duration lateness,
        Duration idleness,
        String jobHeap) {

    private static final String GROUP = "bench-latency";

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
            List<String> args =
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
                            "0");
            Path log = work.resolve("job.log");
            try (AlertLatency latency = new AlertLatency(bootstrap, Topics.ALERTS);
                    BenchProcess job = JobProcess.start(jar, bootstrap, args, jobHeap, null, log)) {
                StreamingBench.log("job started as %s, log %s", job, log);
                Produced produced = produce(bootstrap, latency);
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
                return report(produced, lag, latency);
            }
        }
    }

    private record Produced(long records, long measured, double rate, double eventTimeSpeed) {}

    private Produced produce(String bootstrap, AlertLatency latency) {
        long start = System.currentTimeMillis();
        long measureFrom = start + warmUp.toMillis();
        long end = measureFrom + duration.toMillis();
        long[] counts = new long[2];
        long[] eventTimes = {Long.MAX_VALUE, Long.MIN_VALUE};
        try (KafkaRecordSink kafka = new KafkaRecordSink(bootstrap)) {
            GeneratedRecordSink timed =
                    (stream, key, json, occurredAt) -> {
                        long now = System.currentTimeMillis();
                        if (now >= end) {
                            throw new TimeUp();
                        }
                        if (now >= measureFrom) {
                            if (counts[1] == 0) {
                                latency.measureFrom(now);
                                eventTimes[0] = occurredAt.toEpochMilli();
                            }
                            counts[1]++;
                            eventTimes[1] = occurredAt.toEpochMilli();
                        }
                        latency.sent(occurredAt);
                        kafka.accept(stream, key, json, occurredAt);
                        counts[0]++;
                    };
            try {
                new TrafficGenerator(traffic).generate(PacedSink.atRate(timed, rate));
            } catch (TimeUp e) {
                // the run's time is up
            }
        }
        double seconds = duration.toMillis() / 1e3;
        return new Produced(
                counts[0],
                counts[1],
                counts[1] / seconds,
                (eventTimes[1] - eventTimes[0]) / 1e3 / seconds);
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

    private String report(Produced produced, long lag, AlertLatency latency) {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        "# Event-to-alert latency%n%n| figure | value |%n|---|---|%n"
                                + "| traffic | generated, %,d border events/day, seed %d, %d"
                                + " partitions per topic, produced at %,.0f records/s (asked"
                                + " %,.0f) for %s after a warm-up of %s: %,d records measured;"
                                + " event time ran %,.0f times real time |%n"
                                + "| job | `run --from-earliest --state-backend %s --parallelism %d"
                                + " --checkpoint-interval %s --lateness %s --idleness %s`, exactly"
                                + " once, in a JVM of its own (-Xmx%s) |%n"
                                + "| input not yet committed by the job when production stopped |"
                                + " %,d records (%.1f s of input) |%n",
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
                        jobHeap,
                        lag,
                        lag / Math.max(produced.rate(), 1)));
        b.append(
                String.format(
                        "%n| alerts (raised at an input event) | count | p50 ms | p90 ms | p99 ms |"
                                + " max ms |%n|---|---|---|---|---|---|%n"));
        latency.histograms()
                .forEach(
                        (type, h) ->
                                b.append(
                                        String.format(
                                                "| %s | %,d | %,d | %,d | %,d | %,d |%n",
                                                type.equals("all") ? "**all**" : type,
                                                h.count(),
                                                h.p50(),
                                                h.p90(),
                                                h.p99(),
                                                h.max())));
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
                        "%nMachine: %d cores, Java %s.%n",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));
        return b.toString();
    }
}
