package kz.migration.monitor.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines of the deployment's JVMs, all from the project's own jar. */
public final class JavaCommand {

    /**
     * The module openings Flink's own scripts pass on Java 17 ({@code env.java.opts.all} of Flink's
     * default {@code config.yaml}): without them the client fails with {@code
     * InaccessibleObjectException}, and the cluster's serializers cannot reach JDK internals.
     */
    public static final List<String> FLINK_JAVA_17_OPTIONS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    /** Short-lived tools (the Flink client, memory calculation): fast start-up over peak speed. */
    static final List<String> TOOL_OPTIONS =
            List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private JavaCommand() {}

    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * {@code java <jvmOptions> <marker> <logging> -cp <jar> <mainClass> <args>}.
     *
     * @param logging whether the process logs at INFO through the deployment's configuration
     *     (cluster processes) rather than the jar's quiet one (tools)
     */
    static List<String> of(
            StateLayout layout,
            String name,
            List<String> jvmOptions,
            boolean logging,
            Path jar,
            String mainClass,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(jvmOptions);
        command.add(LocalProcess.marker(layout, name));
        if (logging) {
            command.add(
                    "-Dlog4j2.configurationFile="
                            + layout.conf().resolve(FlinkClusterConfig.LOG4J_FILE));
            // Flink's web UI shows the file named here.
            command.add("-Dlog.file=" + layout.log(name));
        }
        command.add("-cp");
        command.add(jar.toString());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
