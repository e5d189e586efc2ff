package kz.migration.monitor.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>Built from Kafka's production jars only, so the product's {@code demo} command can use it as
 * well as tests. The broker is tuned for one node: internal topics have replication factor 1,
 * consumer groups rebalance without delay, and topics are never auto-created, so a typo in a topic
 * name fails loudly instead of creating a topic.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     kafka.createTopics(3, Topics.BORDER_CROSSINGS);
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * How to start the broker.
     *
     * @param port PLAINTEXT port for clients, or 0 for a free one
     * @param logDir log directory kept across restarts, or {@code null} for a temporary one deleted
     *     on close
     * @param security TLS, SCRAM and ACLs, or {@code null} for a PLAINTEXT broker that lets anyone
     *     do anything
     */
    public record Options(int port, Path logDir, Security security) {

        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
        }

        /** Plain (no security), as before security was an option. */
        public Options(int port, Path logDir) {
            this(port, logDir, null);
        }

        /** A free port and a temporary log directory. */
        public static Options defaults() {
            return new Options(0, null);
        }

        /** The same options with a fixed client port (e.g. 9092 for the demo). */
        public Options withPort(int newPort) {
            return new Options(newPort, logDir, security);
        }

        /**
         * The same options with a SASL_SSL listener and the ACLs of {@link MonitorAcls}, from the
         * secrets {@code deploy/security/generate-secrets.sh} wrote into {@code secretsDir}.
         */
        public Options withSecurity(Path secretsDir) {
            return withSecurity(secretsDir, MonitorAcls.Groups.DEFAULT);
        }

        /** As {@link #withSecurity(Path)}, granting the job and the forwarder these groups. */
        public Options withSecurity(Path secretsDir, MonitorAcls.Groups groups) {
            return new Options(port, logDir, new Security(secretsDir, groups));
        }

        /**
         * The same options with a log directory that outlives the broker, so a restart keeps the
         * data.
         */
        public Options withLogDir(Path newLogDir) {
            return new Options(port, Objects.requireNonNull(newLogDir, "logDir"), security);
        }
    }

    /**
     * A secure broker: clients connect over SASL_SSL and authenticate with SCRAM-SHA-512; the only
     * rights are {@link MonitorAcls}'s ({@code allow.everyone.if.no.acl.found=false}) and {@code
     * admin} is the super user. The controller listener (loopback) takes only the broker's own
     * certificate (mutual TLS), its principal {@code CN=kafka} the other super user.
     *
     * @param secretsDir the directory {@code deploy/security/generate-secrets.sh} wrote
     * @param groups the consumer groups granted to the job and the forwarder
     */
    public record Security(Path secretsDir, MonitorAcls.Groups groups) {
        public Security {
            Objects.requireNonNull(secretsDir, "secretsDir");
            Objects.requireNonNull(groups, "groups");
        }

        /** The client settings of {@code principal}, from {@code <principal>.properties}. */
        public Map<String, String> clientProperties(String principal) {
            return KafkaClientProperties.load(secretsDir.resolve(principal + ".properties"));
        }

        /**
         * Replaces the PLAINTEXT listener of broker settings {@code props} by SASL_SSL on {@code
         * host:port} (SCRAM-SHA-512), which the broker also uses to reach itself as {@code admin};
         * the controller listener takes TLS client certificates only. Also the {@code broker}
         * command's.
         */
        public void applyTo(Properties props, String host, int port, int controllerPort) {
            String listener = "SASL_SSL";
            props.put(
                    "listeners",
                    listener
                            + "://"
                            + host
                            + ":"
                            + port
                            + ","
                            + CONTROLLER_LISTENER
                            + "://"
                            + host
                            + ":"
                            + controllerPort);
            props.put("advertised.listeners", listener + "://" + host + ":" + port);
            props.put(
                    "listener.security.protocol.map",
                    listener + ":SASL_SSL," + CONTROLLER_LISTENER + ":SSL");
            props.put("inter.broker.listener.name", listener);
            props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            props.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
            props.put(
                    "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                            + MonitorAcls.ADMIN
                            + "\" password=\""
                            + secret("users/" + MonitorAcls.ADMIN + ".password")
                            + "\";");
            Path dir = secretsDir.toAbsolutePath();
            String storePassword = secret("keystore.password");
            props.put("ssl.keystore.type", "PKCS12");
            props.put("ssl.keystore.location", dir.resolve("kafka.keystore.p12").toString());
            props.put("ssl.keystore.password", storePassword);
            props.put("ssl.key.password", storePassword);
            props.put("ssl.truststore.type", "PKCS12");
            props.put("ssl.truststore.location", dir.resolve("truststore.p12").toString());
            props.put("ssl.truststore.password", secret("truststore.password"));
            props.put(
                    "listener.name."
                            + CONTROLLER_LISTENER.toLowerCase(Locale.ROOT)
                            + ".ssl.client.auth",
                    "required");
            props.put(
                    "authorizer.class.name",
                    "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            props.put("allow.everyone.if.no.acl.found", "false");
            props.put("super.users", "User:" + MonitorAcls.ADMIN + ";User:CN=kafka");
        }

        /** The {@code --add-scram} argument that creates admin's credential at format time. */
        public String adminScramArgument() {
            return "SCRAM-SHA-512=[name="
                    + MonitorAcls.ADMIN
                    + ",password="
                    + secret("users/" + MonitorAcls.ADMIN + ".password")
                    + "]";
        }

        /**
         * As {@code admin}, creates every other principal's SCRAM credentials and {@link
         * MonitorAcls}'s ACLs on the broker at {@code bootstrapServers}.
         */
        public void grant(String bootstrapServers) {
            Map<String, Object> config = new HashMap<>(clientProperties(MonitorAcls.ADMIN));
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            Map<String, String> users = new HashMap<>(MonitorAcls.passwords(secretsDir));
            users.remove(MonitorAcls.ADMIN);
            try (Admin admin = Admin.create(config)) {
                MonitorAcls.createUsers(admin, users);
                MonitorAcls.createAcls(admin, groups);
            }
        }

        private String secret(String file) {
            try {
                return Files.readString(secretsDir.resolve(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot read "
                                + secretsDir.resolve(file)
                                + ": run deploy/security/generate-secrets.sh",
                        e);
            }
        }
    }

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Security security;
    private final Path logDir;
    private final boolean deleteLogDirOnClose;
    private boolean closed;

    private EmbeddedKafka(
            KafkaRaftServer server,
            String bootstrapServers,
            Security security,
            Path logDir,
            boolean deleteLogDirOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.logDir = logDir;
        this.deleteLogDirOnClose = deleteLogDirOnClose;
    }

    /** Starts a broker on free loopback ports with a temporary log directory. */
    public static EmbeddedKafka start() {
        return start(Options.defaults());
    }

    /** Starts a broker as {@code options} say and returns once it answers clients. */
    public static EmbeddedKafka start(Options options) {
        Objects.requireNonNull(options, "options");
        boolean temporary = options.logDir() == null;
        Path logDir = temporary ? createTempLogDir() : options.logDir();
        try {
            int port = options.port() == 0 ? freePort() : options.port();
            int controllerPort = freePort();
            Security security = options.security();
            Properties props = brokerProperties(logDir, port, controllerPort);
            if (security != null) {
                security.applyTo(props, HOST, port, controllerPort);
            }
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            format(logDir, security == null ? List.of() : List.of(security.adminScramArgument()));
            EmbeddedKafka kafka =
                    new EmbeddedKafka(
                            new KafkaRaftServer(config, Time.SYSTEM),
                            HOST + ":" + port,
                            security,
                            logDir,
                            temporary);
            try {
                kafka.server.startup();
                kafka.awaitBrokerRegistered();
                if (security != null) {
                    kafka.grantMonitorAcls();
                }
            } catch (RuntimeException e) {
                // A half-started node (e.g. the fixed port is taken) still owns threads and
                // sockets.
                kafka.close();
                throw e;
            }
            LOG.info(
                    "Embedded Kafka listening on {} with log dir {}",
                    kafka.bootstrapServers,
                    logDir);
            return kafka;
        } catch (RuntimeException e) {
            if (temporary) {
                deleteQuietly(logDir);
            }
            throw e;
        }
    }

    /** The {@code bootstrap.servers} value for clients of this broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether clients must use SASL_SSL and the credentials of a principal. */
    public boolean secure() {
        return security != null;
    }

    /**
     * The client settings of {@code principal} ({@link MonitorAcls}) to merge into a client's
     * configuration; none for a plain broker.
     */
    public Map<String, String> clientProperties(String principal) {
        return security == null ? Map.of() : security.clientProperties(principal);
    }

    /** The broker's log directory (temporary or the caller's). */
    public Path logDir() {
        return logDir;
    }

    /**
     * {@code retention.ms} of every topic created here: never delete. Record timestamps are event
     * time (the generator stamps history months back), and with Kafka's default retention of 7 days
     * a broker deletes such segments within minutes of their writing.
     */
    public static final String RETENTION_MS = "-1";

    /**
     * Creates the topics with {@code partitions} partitions each, keeping their records forever
     * ({@link #RETENTION_MS}), and returns only when every partition accepts writes. Topics that
     * already exist (e.g. after a restart on a kept log directory) are left as they are.
     */
    public void createTopics(int partitions, String... topics) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive, was " + partitions);
        }
        List<String> names = List.of(topics);
        if (names.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig())) {
            List<NewTopic> newTopics =
                    names.stream()
                            .map(
                                    t ->
                                            new NewTopic(t, partitions, (short) 1)
                                                    .configs(Map.of("retention.ms", RETENTION_MS)))
                            .toList();
            admin.createTopics(newTopics)
                    .values()
                    .forEach(
                            (topic, future) -> {
                                try {
                                    future.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                                } catch (ExecutionException e) {
                                    if (!(e.getCause() instanceof TopicExistsException)) {
                                        throw new IllegalStateException(
                                                "Cannot create topic " + topic, e.getCause());
                                    }
                                } catch (InterruptedException | TimeoutException e) {
                                    throw interruptedOrTimedOut("creating topic " + topic, e);
                                }
                            });
            awaitWritable(admin, names);
        }
    }

    /**
     * Shuts the broker down and deletes the log directory if it was a temporary one. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (deleteLogDirOnClose) {
                deleteQuietly(logDir);
            }
        }
    }

    /**
     * A created topic's partitions answer metadata before their leader accepts writes (an
     * idempotent producer then loops on OUT_OF_ORDER_SEQUENCE_NUMBER), so wait until {@code
     * listOffsets} answers for every partition.
     */
    private void awaitWritable(Admin admin, List<String> topics) {
        retryUntilReady(
                "topics " + topics + " to accept writes",
                () -> {
                    Map<String, TopicDescription> descriptions =
                            admin.describeTopics(topics).allTopicNames().get();
                    Map<TopicPartition, OffsetSpec> latest =
                            descriptions.values().stream()
                                    .flatMap(
                                            d ->
                                                    d.partitions().stream()
                                                            .map(
                                                                    p ->
                                                                            new TopicPartition(
                                                                                    d.name(),
                                                                                    p.partition())))
                                    .collect(
                                            Collectors.toMap(
                                                    Function.identity(),
                                                    tp -> OffsetSpec.latest()));
                    admin.listOffsets(latest).all().get();
                });
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(clientProperties(MonitorAcls.ADMIN));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** Every principal's SCRAM credentials but admin's (created at format time) and the ACLs. */
    private void grantMonitorAcls() {
        security.grant(bootstrapServers);
    }

    private void awaitBrokerRegistered() {
        try (Admin admin = Admin.create(adminConfig())) {
            retryUntilReady(
                    "the broker to register",
                    () -> {
                        if (admin.describeCluster().nodes().get().isEmpty()) {
                            throw new IllegalStateException("no broker registered yet");
                        }
                    });
        }
    }

    /** An admin call that can fail while the node is still starting up. */
    @FunctionalInterface
    private interface AdminCall {
        void run() throws Exception;
    }

    private static void retryUntilReady(String what, AdminCall call) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last;
        do {
            try {
                call.run();
                return;
            } catch (InterruptedException e) {
                throw interruptedOrTimedOut("waiting for " + what, e);
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw interruptedOrTimedOut("waiting for " + what, e);
            }
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(
                "Timed out after " + READY_TIMEOUT + " waiting for " + what, last);
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put(
                "listeners",
                "PLAINTEXT://"
                        + HOST
                        + ":"
                        + port
                        + ","
                        + CONTROLLER_LISTENER
                        + "://"
                        + HOST
                        + ":"
                        + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put(
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node: internal topics cannot have more replicas than brokers.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // The default 50 partitions per internal topic cost seconds of startup on a 2-core machine
        // for no benefit.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        // Exactly-once sinks pick their transaction timeout below this ceiling (15 minutes).
        props.put("transaction.max.timeout.ms", "900000");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        // The default 128 MiB compaction buffer is sized for production brokers, not an in-JVM one.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        return props;
    }

    /**
     * Formats the log directory unless it already holds a formatted node, whose data a restart must
     * keep.
     */
    private static void format(Path logDir, List<String> scram) {
        // Formatter reports to a PrintStream; keep that chatter out of the console.
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    // Formatter verifies a formatted directory against this id even when told to
                    // skip it.
                    .setClusterId(
                            existingClusterId(logDir).orElseGet(() -> Uuid.randomUuid().toString()))
                    .setNodeId(NODE_ID)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setScramArguments(scram)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log directory " + logDir, e);
        }
        LOG.debug("Formatter: {}", report.toString(StandardCharsets.UTF_8).strip());
    }

    private static Optional<String> existingClusterId(Path logDir) throws IOException {
        return new MetaPropertiesEnsemble.Loader()
                .addLogDirs(List.of(logDir.toString()))
                .addMetadataLogDir(logDir.toString())
                .load()
                .clusterId();
    }

    private static Path createTempLogDir() {
        try {
            return Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary Kafka log directory", e);
        }
    }

    /**
     * A port free right now; the small race until Kafka binds it is acceptable for a loopback test
     * broker.
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            LOG.warn("Cannot delete Kafka log directory {}", dir, e);
        }
    }

    private static RuntimeException interruptedOrTimedOut(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("Interrupted while " + what, e);
        }
        return new IllegalStateException("Timed out " + what, e);
    }

    @Override
    public String toString() {
        return "EmbeddedKafka["
                + bootstrapServers
                + (security != null ? " SASL_SSL" : "")
                + ", "
                + logDir
                + "]";
    }
}
