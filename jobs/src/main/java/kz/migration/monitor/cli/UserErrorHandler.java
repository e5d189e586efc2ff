package kz.migration.monitor.cli;

import picocli.CommandLine;

/** Turns an exception from a command into one readable line and exit code 1. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println("error: " + message);
        if (System.getenv("MONITOR_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        return 1;
    }
}
