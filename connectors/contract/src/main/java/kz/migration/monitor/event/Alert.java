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
     * Starts an alert of {@code type}. Its id is derived from the type and the {@link
     * Builder#identity identity}: the facts that make it this alert and no other (for example the
     * subject, the stay and the overstay day), so that reprocessing the same events yields the same
     * id.
     */
    public static Builder builder(AlertType type) {
        return new Builder(type);
    }

    /** The details as the kind of figures its type carries. */
    public <D extends AlertDetails> D details(Class<D> kind) {
        return kind.cast(details);
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

    /**
     * Builds an {@link Alert}: the type fixes the audience and, except for overstays, the severity;
     * fields not set stay unknown ({@code null}), details default to {@link AlertDetails#NONE}.
     */
    public static final class Builder {
        private final AlertType type;
        private Severity severity;
        private Instant raisedAt;
        private String subjectRef;
        private Region region;
        private String city;
        private String citizenship;
        private AlertDetails details = AlertDetails.NONE;
        private String identity;

        private Builder(AlertType type) {
            this.type = type;
        }

        /** Only for overstays, whose severity follows their days; the other types fix it. */
        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder raisedAt(Instant raisedAt) {
            this.raisedAt = raisedAt;
            return this;
        }

        /** The pseudonym of the person, for person alerts only. */
        public Builder subjectRef(String subjectRef) {
            this.subjectRef = subjectRef;
            return this;
        }

        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        public Builder city(String city) {
            this.city = city;
            return this;
        }

        public Builder citizenship(String citizenship) {
            this.citizenship = citizenship;
            return this;
        }

        /** The figures, of the kind the type carries ({@link AlertType#detailsType()}). */
        public Builder details(AlertDetails details) {
            this.details = details;
            return this;
        }

        /** What makes this alert this one and no other; the alert id is derived from it. */
        public Builder identity(String identity) {
            this.identity = identity;
            return this;
        }

        /**
         * @throws IllegalStateException when the alert would break the contract's shape: no instant
         *     or identity, a severity other than the type's, or another type's details
         */
        public Alert build() {
            if (raisedAt == null || identity == null) {
                throw new IllegalStateException(type + " alert needs raisedAt and identity");
            }
            Severity fixed = type.fixedSeverity();
            if (fixed != null && severity != null && severity != fixed) {
                throw new IllegalStateException(type + " is always " + fixed + ", not " + severity);
            }
            Severity s = fixed != null ? fixed : severity;
            if (s == null) {
                throw new IllegalStateException(type + " alert needs a severity");
            }
            if (!type.detailsType().isInstance(details)) {
                throw new IllegalStateException(
                        type + " carries " + type.detailsType().getSimpleName() + " details");
            }
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
    }
}
