package kz.migration.monitor.alertmanager;

import java.io.IOException;

/**
 * Alertmanager did not accept a request. {@link #retryable()} separates "try again later"
 * (unreachable, 5xx, 429: Alertmanager down or restarting) from "this will never succeed" (other
 * 4xx: the alert itself is invalid), so the forwarder neither drops alerts during an outage nor
 * blocks forever on one bad alert.
 */
public final class AlertmanagerException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param message what failed
     * @param status the HTTP status, or -1 when no response came back
     * @param cause the underlying error, or {@code null}
     */
    public AlertmanagerException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or -1 when Alertmanager could not be reached. */
    public int status() {
        return status;
    }

    /** Whether the same request may succeed later. */
    public boolean retryable() {
        return status < 0 || status == 429 || status >= 500;
    }
}
