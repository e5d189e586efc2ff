package kz.migration.monitor.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the monitor's {@code alerts} topic to Alertmanager, at least once.
 *
 * <p>Each record is mapped by {@link ContractAlertMapper} and posted; an {@code OVERSTAY_ENDED}
 * also resolves the subject's open {@code OVERSTAY} alerts. While Alertmanager is unreachable the
 * forwarder retries with exponential backoff and does not move on, and offsets are committed only
 * for delivered records, so a crash or an outage loses nothing; a redelivered alert has the same
 * labels and Alertmanager deduplicates it. A record that can never be delivered (not an alert, or
 * rejected with a 4xx) is logged, counted as {@code failed} and skipped, so one bad record cannot
 * stop the others.
 *
 * <p>The topic's key is the {@code alertId}, so with several partitions an {@code OVERSTAY_ENDED}
 * can be read before an {@code OVERSTAY} it ends. The forwarder therefore remembers when each
 * recent subject's overstay ended (in memory, the latest {@value #ENDINGS_REMEMBERED} subjects) and
 * posts an {@code OVERSTAY} raised before that ending as already resolved.
 *
 * <p>Metrics: {@code migration_alertmanager_deliveries_total{outcome=delivered|retried|failed}} and
 * {@code migration_alertmanager_pending_alerts} (polled, not yet delivered).
 *
 * <p>{@link #run()} owns the consumer (Kafka consumers are single-threaded) and closes it when it
 * ends; {@link #close()} may be called from any thread to stop it.
 */
public final class AlertForwarder implements Runnable, AutoCloseable {

    /** Subjects whose latest OVERSTAY_ENDED is remembered; ~10 MB at most. */
    static final int ENDINGS_REMEMBERED = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(AlertForwarder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String, String> consumer;
    private final AlertmanagerClient client;
    private final ContractAlertMapper mapper;
    private final Backoff backoff;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final AtomicInteger pending = new AtomicInteger();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** subject -> raisedAt of its latest OVERSTAY_ENDED, least recently used first. */
    private final Map<String, Instant> overstayEnded =
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > ENDINGS_REMEMBERED;
                }
            };

    /**
     * Exponential backoff between delivery attempts: {@code initial}, doubling, capped at {@code
     * max}.
     */
    public record Backoff(Duration initial, Duration max) {
        /** 200 ms doubling up to 30 s: quick after a blip, gentle during a long outage. */
        public static final Backoff DEFAULT =
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));

        Duration after(int attempt) {
            long millis = initial.toMillis() << Math.min(attempt, 20);
            return Duration.ofMillis(Math.min(millis, max.toMillis()));
        }
    }

    /**
     * @param consumer a consumer already subscribed to (or assigned) the alerts topic, with
     *     auto-commit off and {@code read_committed} (see {@link #consumerProperties})
     * @param client the Alertmanager client
     * @param mapper maps contract alerts
     * @param backoff retry pacing while Alertmanager is down
     * @param registry where the delivery metrics go
     */
    public AlertForwarder(
            Consumer<String, String> consumer,
            AlertmanagerClient client,
            ContractAlertMapper mapper,
            Backoff backoff,
            MeterRegistry registry) {
        this.consumer = consumer;
        this.client = client;
        this.mapper = mapper;
        this.backoff = backoff;
        this.delivered = outcome(registry, "delivered");
        this.retried = outcome(registry, "retried");
        this.failed = outcome(registry, "failed");
        Gauge.builder("migration.alertmanager.pending.alerts", pending, AtomicInteger::get)
                .description("Alerts read from Kafka and not yet delivered to Alertmanager")
                .register(registry);
    }

    /** A forwarder reading {@code topic} from the Kafka cluster at {@code bootstrap}. */
    public static AlertForwarder forBroker(
            String bootstrap,
            String topic,
            String groupId,
            URI alertmanager,
            MeterRegistry registry) {
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerProperties(bootstrap, groupId));
        consumer.subscribe(List.of(topic));
        return new AlertForwarder(
                consumer,
                new AlertmanagerClient(alertmanager),
                new ContractAlertMapper(),
                Backoff.DEFAULT,
                registry);
    }

    /**
     * Consumer settings the forwarder's guarantees rest on: only committed (checkpointed) alerts
     * are read, and offsets move only when the forwarder commits them after delivery.
     */
    public static Properties consumerProperties(String bootstrap, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // A long Alertmanager outage keeps one batch in retry; small batches and a generous poll
        // interval keep the group from evicting the forwarder meanwhile.
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        p.put(
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                String.valueOf(Duration.ofHours(1).toMillis()));
        return p;
    }

    /** Polls and forwards until {@link #close()}; then closes the consumer. */
    @Override
    public void run() {
        try {
            while (stop.getCount() > 0) {
                pollOnce(Duration.ofSeconds(1));
            }
        } catch (WakeupException e) {
            // close() woke the poll up: a normal stop.
        } finally {
            try {
                consumer.close();
            } finally {
                stopped.countDown();
            }
        }
    }

    /**
     * One poll: forwards every record, then commits the offsets of those delivered (or skipped as
     * undeliverable). Returns how many records were handled; stops early when closed.
     */
    public int pollOnce(Duration timeout) {
        ConsumerRecords<String, String> records = consumer.poll(timeout);
        if (records.isEmpty()) {
            return 0;
        }
        pending.addAndGet(records.count());
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        int handled = 0;
        try {
            for (ConsumerRecord<String, String> record : records) {
                if (!forward(record)) {
                    break; // closed while Alertmanager was down: the rest is redelivered later
                }
                pending.decrementAndGet();
                handled++;
                done.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
        } finally {
            if (!done.isEmpty()) {
                commit(done);
            }
            if (handled < records.count()) {
                // Rewind the partitions whose records were not all handled, so a consumer that
                // keeps running reads them again instead of skipping past them.
                for (TopicPartition tp : records.partitions()) {
                    OffsetAndMetadata next = done.get(tp);
                    long first = records.records(tp).get(0).offset();
                    consumer.seek(tp, next != null ? next.offset() : first);
                }
                pending.addAndGet(handled - records.count());
            }
        }
        return handled;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            // close() raced with the commit; a wakeup fires once, so committing again goes through
            // and the delivered alerts are not delivered twice after a restart.
            consumer.commitSync(offsets);
            throw e;
        }
    }

    /** Delivers one record; false only when the forwarder was closed before it could. */
    private boolean forward(ConsumerRecord<String, String> record) {
        JsonNode alert;
        AlertmanagerAlert mapped;
        try {
            alert = JSON.readTree(record.value());
            mapped = mapper.map(alert);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            LOG.error(
                    "Skipping undeliverable record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            failed.increment();
            return true;
        }
        String subject = mapped.label("subject");
        if (ContractAlertMapper.OVERSTAY.equals(mapped.label("alertname"))
                && endedAfter(subject, mapped)) {
            // Read after the end of its stay (another partition): deliver it resolved.
            mapped = mapped.endingAt(startedOrNow(mapped));
        }
        for (int attempt = 0; ; attempt++) {
            try {
                if (ContractAlertMapper.OVERSTAY_ENDED.equals(mapped.label("alertname"))) {
                    resolveOverstays(subject);
                    remember(subject, mapped);
                }
                client.post(List.of(mapped));
                delivered.increment();
                return true;
            } catch (AlertmanagerException e) {
                if (!e.retryable()) {
                    LOG.error(
                            "Alertmanager rejected alert {} ({}): {}",
                            mapped.label("alert_id"),
                            mapped.label("alertname"),
                            e.getMessage());
                    failed.increment();
                    return true;
                }
                retried.increment();
                LOG.warn(
                        "Alertmanager unavailable ({}); retrying alert {} in {} ms",
                        e.getMessage(),
                        mapped.label("alert_id"),
                        backoff.after(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (awaitStop(backoff.after(attempt))) {
                return false;
            }
        }
    }

    /** Ends the subject's open OVERSTAY alerts: same labels, {@code endsAt} now. */
    private void resolveOverstays(String subject)
            throws AlertmanagerException, InterruptedException {
        if (subject == null) {
            return;
        }
        List<AlertmanagerAlert> open =
                client.activeAlerts(
                        Map.of("alertname", ContractAlertMapper.OVERSTAY, "subject", subject));
        if (open.isEmpty()) {
            return;
        }
        List<AlertmanagerAlert> resolved = new ArrayList<>();
        for (AlertmanagerAlert a : open) {
            resolved.add(a.endingAt(startedOrNow(a)));
        }
        client.post(resolved);
    }

    /** Now, or the alert's start if that is later: endsAt before startsAt is rejected. */
    private static Instant startedOrNow(AlertmanagerAlert a) {
        Instant now = Instant.now();
        return a.startsAt() != null && a.startsAt().isAfter(now) ? a.startsAt() : now;
    }

    private void remember(String subject, AlertmanagerAlert ended) {
        Instant raisedAt = raisedAt(ended);
        if (subject != null && raisedAt != null) {
            overstayEnded.merge(subject, raisedAt, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Whether the subject's stay ended (as far as remembered) after this OVERSTAY was raised. */
    private boolean endedAfter(String subject, AlertmanagerAlert overstay) {
        Instant ended = subject == null ? null : overstayEnded.get(subject);
        Instant raisedAt = raisedAt(overstay);
        return ended != null && raisedAt != null && raisedAt.isBefore(ended);
    }

    private static Instant raisedAt(AlertmanagerAlert a) {
        String text = a.annotations().get("raisedAt");
        return text == null ? null : Instant.parse(text);
    }

    /** Waits {@code delay}; true when the forwarder was closed (or interrupted) meanwhile. */
    private boolean awaitStop(Duration delay) {
        try {
            return stop.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops {@link #run()} (from any thread) and waits up to 10 s for it to end. */
    @Override
    public void close() {
        stop.countDown();
        consumer.wakeup();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("migration.alertmanager.deliveries")
                .description("Alerts handed to Alertmanager, by outcome (retried counts attempts)")
                .tag("outcome", outcome)
                .register(registry);
    }
}
