package kz.migration.monitor.cli;

/** Placeholder. */
public final class MonitorCli {
    public static void main(String[] args) {}
}
