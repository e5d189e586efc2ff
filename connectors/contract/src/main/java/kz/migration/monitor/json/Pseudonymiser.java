package kz.migration.monitor.json;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@code personId} into its {@code subjectRef}: the lowercase hex HMAC-SHA256 of the UTF-8
 * identifier under the UTF-8 key. Outputs and logs carry only the subject reference.
 */
public final class Pseudonymiser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The environment variable that holds the key. */
    public static final String KEY_VARIABLE = "MONITOR_PSEUDONYM_KEY";

    /** The key of {@code demo} runs only; never for real data. */
    public static final String DEMO_KEY = "demo-key-not-for-production";

    private final String key;
    private transient Mac mac;

    public Pseudonymiser(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(
                    KEY_VARIABLE + " is not set: it keys the subjectRef pseudonyms");
        }
        this.key = key;
    }

    /** The pseudonymiser keyed from {@value #KEY_VARIABLE}. */
    public static Pseudonymiser fromEnvironment() {
        return new Pseudonymiser(System.getenv(KEY_VARIABLE));
    }

    /**
     * A pseudonymiser of the same key with its own {@link Mac}: a {@code Mac} is not thread-safe,
     * so each parser holds its own.
     */
    public Pseudonymiser copy() {
        return new Pseudonymiser(key);
    }

    public String subjectRef(String personId) {
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
            }
        }
        return HexFormat.of().formatHex(mac.doFinal(personId.getBytes(StandardCharsets.UTF_8)));
    }

    /** Never the key: Flink and loggers print the functions that hold a pseudonymiser. */
    @Override
    public String toString() {
        return "Pseudonymiser[HmacSHA256, key hidden]";
    }
}
