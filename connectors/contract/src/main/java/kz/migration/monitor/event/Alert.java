package kz.migration.monitor.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An alert for security services, duty officers or planners.
 *
 * @param alertId deterministic: the same alert gets the same id in a replay or after a restart
 * @param raisedAt the event-time instant at which the condition became true
 * @param subjectRef pseudonym of the person ({@code null} for alerts about no person)
 */
public record Alert(
        String alertId,
        AlertType type,
        Severity severity,
        Audience audience,
        Instant raisedAt,
        String subjectRef,
        Region region,
        String city,
        String citizenship,
        AlertDetails details) {

    /**
     * Builds an alert whose id is derived from its type and {@code identity}: the facts that make
     * it this alert and no other (for example the subject, the stay and the overstay day), so that
     * reprocessing the same events yields the same id.
     */
    public static Alert of(
            AlertType type,
            Severity severity,
            Instant raisedAt,
            String subjectRef,
            Region region,
            String city,
            String citizenship,
            AlertDetails details,
            String identity) {
        Severity s = type.fixedSeverity() != null ? type.fixedSeverity() : severity;
        return new Alert(
                idOf(type, identity),
                type,
                s,
                type.audience(),
                raisedAt,
                subjectRef,
                region,
                city,
                citizenship,
                details);
    }

    /** Same alert with another city spelling (cities are written as first spelled). */
    public Alert withCity(String spelling) {
        return new Alert(
                alertId,
                type,
                severity,
                audience,
                raisedAt,
                subjectRef,
                region,
                spelling,
                citizenship,
                details);
    }

    static String idOf(AlertType type, String identity) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest =
                    sha.digest((type.name() + "|" + identity).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
