package kz.migration.monitor.cli;

/**
 * A one-line progress bar on an interactive terminal (lines read of the total, once known); silent
 * when output is redirected, so logs and CI output stay clean.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final String label;
    private final boolean interactive = System.console() != null;
    private long total = -1;
    private long last = -1;

    ProgressBar(String label) {
        this.label = label;
    }

    synchronized void total(long lines) {
        total = lines;
    }

    synchronized void update(long lines) {
        if (!interactive || lines == last) {
            return;
        }
        last = lines;
        if (total > 0) {
            long done = Math.min(lines, total);
            int filled = (int) (WIDTH * done / total);
            System.err.printf(
                    "\r%s [%s%s] %3d%% %,d of %,d lines",
                    label,
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    100 * done / total,
                    done,
                    total);
        } else {
            System.err.printf("\r%s: %,d lines", label, lines);
        }
        System.err.flush();
    }

    synchronized void done() {
        if (interactive && last >= 0) {
            System.err.println();
        }
    }
}
