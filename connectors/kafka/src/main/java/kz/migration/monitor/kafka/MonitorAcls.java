package kz.migration.monitor.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.migration.monitor.event.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The monitor's Kafka principals and their rights: the one list of them, applied by the embedded
 * broker started secure and by compose's {@code kafka-init} ({@link #main}).
 *
 * <ul>
 *   <li>{@code border-control}, {@code residence-register}, {@code labour-ministry}, {@code
 *       reference-admin}: each writes its own input topic and nothing else.
 *   <li>{@code monitor} (the Flink job): reads the four inputs in its consumer group, writes the
 *       four outputs with transactional ids under its group's prefix.
 *   <li>{@code forwarder}: reads {@code alerts} in its group, reads and writes (and may create and
 *       check the configuration of) its compacted state topic {@code <group>-state}.
 *   <li>{@code operators}: reads the outputs, and is the only principal that reads {@code
 *       dead-letters} (they keep the raw payload, personal identifiers included).
 *   <li>{@code admin}: the broker's super user (and its own identity between its listeners); needs
 *       no ACL.
 * </ul>
 *
 * With {@code allow.everyone.if.no.acl.found=false}, anything not listed is refused.
 */
public final class MonitorAcls {

    public static final String ADMIN = "admin";
    public static final String MONITOR = "monitor";
    public static final String FORWARDER = "forwarder";
    public static final String OPERATORS = "operators";

    /** Each input producer and the one topic it may write. */
    public static final Map<String, String> PRODUCERS = producers();

    /** SCRAM-SHA-512 iterations of the credentials created here (Kafka's minimum is 4096). */
    static final int ITERATIONS = 8192;

    private static final long TIMEOUT_MS = 60_000;

    /**
     * The consumer groups whose ACLs are granted: the job's group is also the prefix of its
     * transactional ids, the forwarder's names its state topic.
     */
    public record Groups(String monitor, String forwarder) {
        /** The CLI's defaults ({@code run --group-id}, {@code forward-alerts --group-id}). */
        public static final Groups DEFAULT = new Groups("migration-monitor", "alert-forwarder");

        public Groups {
            Objects.requireNonNull(monitor, "monitor");
            Objects.requireNonNull(forwarder, "forwarder");
        }
    }

    private MonitorAcls() {}

    /** Every principal with a password: the producers, monitor, forwarder, operators and admin. */
    public static List<String> principals() {
        List<String> all = new ArrayList<>(PRODUCERS.keySet());
        all.addAll(List.of(MONITOR, FORWARDER, OPERATORS, ADMIN));
        return List.copyOf(all);
    }

    /** The ACLs of every principal but {@code admin}. */
    public static List<AclBinding> bindings(Groups groups) {
        List<AclBinding> acls = new ArrayList<>();
        PRODUCERS.forEach((user, topic) -> acls.add(allow(user, topic(topic), AclOperation.WRITE)));
        for (String input : Topics.inputs()) {
            acls.add(allow(MONITOR, topic(input), AclOperation.READ));
        }
        for (String output : Topics.outputs()) {
            acls.add(allow(MONITOR, topic(output), AclOperation.WRITE));
        }
        acls.add(allow(MONITOR, group(groups.monitor()), AclOperation.READ));
        ResourcePattern transactions =
                new ResourcePattern(
                        ResourceType.TRANSACTIONAL_ID,
                        groups.monitor() + "-",
                        PatternType.PREFIXED);
        acls.add(allow(MONITOR, transactions, AclOperation.WRITE));
        acls.add(allow(MONITOR, transactions, AclOperation.DESCRIBE));

        acls.add(allow(FORWARDER, topic(Topics.ALERTS), AclOperation.READ));
        acls.add(allow(FORWARDER, group(groups.forwarder()), AclOperation.READ));
        ResourcePattern state = topic(groups.forwarder() + "-state");
        for (AclOperation op :
                List.of(
                        AclOperation.READ,
                        AclOperation.WRITE,
                        AclOperation.CREATE,
                        // it checks the topic is compacted
                        AclOperation.DESCRIBE_CONFIGS)) {
            acls.add(allow(FORWARDER, state, op));
        }

        for (String output : Topics.outputs()) {
            acls.add(allow(OPERATORS, topic(output), AclOperation.READ));
        }
        acls.add(
                allow(
                        OPERATORS,
                        new ResourcePattern(ResourceType.GROUP, "operators-", PatternType.PREFIXED),
                        AclOperation.READ));
        return List.copyOf(acls);
    }

    /**
     * Creates (or replaces) the SCRAM-SHA-512 credentials of {@code passwords} (user to password)
     * and returns once the broker authenticates with them.
     */
    public static void createUsers(Admin admin, Map<String, String> passwords) {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts =
                new ArrayList<>();
        passwords.forEach(
                (user, password) ->
                        upserts.add(
                                new UserScramCredentialUpsertion(
                                        user,
                                        new ScramCredentialInfo(
                                                ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                                        password)));
        await("creating SCRAM users", admin.alterUserScramCredentials(upserts).all());
        // Brokers learn credentials from the metadata log, a moment after the controller.
        retry(
                "the SCRAM users to reach the broker",
                () -> {
                    var known =
                            admin.describeUserScramCredentials(List.copyOf(passwords.keySet()))
                                    .all()
                                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    return known.keySet().containsAll(passwords.keySet());
                });
    }

    /** Creates the ACLs of {@link #bindings} and returns once the broker enforces them. */
    public static void createAcls(Admin admin, Groups groups) {
        List<AclBinding> acls = bindings(groups);
        await("creating ACLs", admin.createAcls(acls).all());
        retry(
                "the ACLs to reach the broker",
                () ->
                        admin.describeAcls(AclBindingFilter.ANY)
                                .values()
                                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                                .containsAll(acls));
    }

    /**
     * The passwords in {@code secretsDir/users/<principal>.password}, as the script writes them.
     */
    public static Map<String, String> passwords(Path secretsDir) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : principals()) {
            Path file = secretsDir.resolve("users").resolve(user + ".password");
            try {
                passwords.put(user, Files.readString(file, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot read " + file + ": run deploy/security/generate-secrets.sh", e);
            }
        }
        return passwords;
    }

    /**
     * {@code MonitorAcls BOOTSTRAP SECRETS_DIR [MONITOR_GROUP FORWARDER_GROUP]}: as {@code admin}
     * (from {@code SECRETS_DIR/admin.properties}), creates every other principal's SCRAM
     * credentials and the ACLs. Idempotent; compose's {@code kafka-init} runs it.
     */
    public static void main(String[] args) {
        if (args.length != 2 && args.length != 4) {
            System.err.println(
                    "usage: MonitorAcls BOOTSTRAP SECRETS_DIR [MONITOR_GROUP FORWARDER_GROUP]");
            System.exit(2);
        }
        Path secrets = Path.of(args[1]);
        Groups groups = args.length == 4 ? new Groups(args[2], args[3]) : Groups.DEFAULT;
        Map<String, Object> config =
                new HashMap<>(KafkaClientProperties.load(secrets.resolve(ADMIN + ".properties")));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        Map<String, String> users = new LinkedHashMap<>(passwords(secrets));
        // admin's own credential was created when the broker's storage was formatted.
        users.remove(ADMIN);
        try (Admin admin = Admin.create(config)) {
            createUsers(admin, users);
            createAcls(admin, groups);
        }
        System.out.println(
                "SCRAM users " + users.keySet() + " and " + bindings(groups).size() + " ACLs set");
    }

    private static AclBinding allow(String user, ResourcePattern resource, AclOperation op) {
        return new AclBinding(
                resource, new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW));
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static ResourcePattern group(String name) {
        return new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL);
    }

    private static Map<String, String> producers() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("border-control", Topics.BORDER_CROSSINGS);
        p.put("residence-register", Topics.REGISTRATIONS);
        p.put("labour-ministry", Topics.EMPLOYMENT);
        p.put("reference-admin", Topics.REFERENCE_DATA);
        return java.util.Collections.unmodifiableMap(p);
    }

    private static void await(String what, org.apache.kafka.common.KafkaFuture<Void> future) {
        try {
            future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Failed " + what, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out " + what, e);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean passes() throws Exception;
    }

    private static void retry(String what, Check check) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.passes()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + what, e);
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + what, e);
            }
        }
        throw new IllegalStateException("Timed out waiting for " + what, last);
    }
}
