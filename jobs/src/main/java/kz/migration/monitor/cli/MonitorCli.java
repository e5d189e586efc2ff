package kz.migration.monitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code migration-monitor.jar}: one sub-command per way of running the monitor.
 *
 * <p>User mistakes (bad options, missing files) end in one clear line on stderr and a non-zero exit
 * code, never a stack trace.
 */
@Command(
        name = "migration-monitor",
        mixinStandardHelpOptions = true,
        version = "migration-monitor 0.1.0",
        description = "Real-time migration flow monitor on Apache Flink and Apache Kafka.",
        subcommands = {
            CommandLine.HelpCommand.class,
            GenerateCommand.class,
            ReplayCommand.class,
            RunCommand.class,
            DemoCommand.class,
            ForwardAlertsCommand.class,
            BenchCommand.class,
            BrokerCommand.class,
            LocalClusterCommand.class,
            ChaosCommand.class,
            FuzzCommand.class
        })
public final class MonitorCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new MonitorCli());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
