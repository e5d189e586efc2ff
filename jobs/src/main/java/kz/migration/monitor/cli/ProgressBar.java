package kz.migration.monitor.cli;

/** A one-line progress counter on an interactive terminal; silent when output is redirected. */
final class ProgressBar {

    private final String label;
    private final boolean interactive = System.console() != null;
    private long last = -1;

    ProgressBar(String label) {
        this.label = label;
    }

    synchronized void update(long lines) {
        if (interactive && lines != last) {
            last = lines;
            System.err.printf("\r%s: %,d lines", label, lines);
            System.err.flush();
        }
    }

    synchronized void done() {
        if (interactive && last >= 0) {
            System.err.println();
        }
    }
}
