package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link IsoInstants} against the path it replaced, the regex shape check plus {@code java.time},
 * kept here as the oracle: both must accept the same strings and give the same values.
 */
class IsoInstantsTest {

    private static final Pattern INSTANT_SHAPE =
            Pattern.compile(
                    "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
                            + "(Z|[+-][0-9]{2}(:[0-9]{2})?)");

    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** What the former {@code RecordFields.requireInstant} gave, {@code null} for a refusal. */
    private static Instant oracleInstant(String s) {
        if (!INSTANT_SHAPE.matcher(s).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What the former {@code RecordFields.optionalDate} gave, {@code null} for a refusal. */
    private static LocalDate oracleDate(String s) {
        if (!DATE_SHAPE.matcher(s).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Each row: the text, and the instant it names in UTC, or empty where it is refused. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024-02-29T00:00Z, 2024-02-29T00:00:00Z",
        "2023-02-29T00:00Z, ",
        "2000-02-29T12:00Z, 2000-02-29T12:00:00Z",
        "1900-02-29T12:00Z, ",
        "2023-04-31T00:00Z, ",
        "2023-12-31T23:59:59Z, 2023-12-31T23:59:59Z",
        "2023-13-01T00:00Z, ",
        "2023-00-01T00:00Z, ",
        "2023-01-00T00:00Z, ",
        "2023-01-32T00:00Z, ",
        "2023-01-01T24:00Z, ",
        "2023-01-01T24:00:00Z, ",
        "2023-01-01T23:60Z, ",
        "2023-01-01T23:59:60Z, ",
        "2023-01-01t00:00Z, ",
        "2023-01-01T00:00z, ",
        "2023-01-01 00:00Z, ",
        "2023-01-01T00:00, ",
        "2023-01-01T00:00+05, 2022-12-31T19:00:00Z",
        "2023-01-01T00:00+05:00, 2022-12-31T19:00:00Z",
        "2023-01-01T00:00-12:30, 2023-01-01T12:30:00Z",
        "2023-01-01T00:00+0500, ",
        "2023-01-01T00:00+05:00:00, ",
        "2023-01-01T00:00+5, ",
        "2023-01-01T00:00+05:60, ",
        "2023-01-01T00:00+18:00, 2022-12-31T06:00:00Z",
        "2023-01-01T00:00-18:00, 2023-01-01T18:00:00Z",
        "2023-01-01T00:00+18, 2022-12-31T06:00:00Z",
        "2023-01-01T00:00+18:01, ",
        "2023-01-01T00:00+19:00, ",
        "2023-01-01T00:00-19, ",
        "2023-01-01T00:00:00.1Z, 2023-01-01T00:00:00.100Z",
        "2023-01-01T00:00:00.123Z, 2023-01-01T00:00:00.123Z",
        "2023-01-01T00:00:00.123456789Z, 2023-01-01T00:00:00.123456789Z",
        "2023-01-01T00:00:00.1234567890Z, ",
        "2023-01-01T00:00:00.Z, ",
        "2023-01-01T00:00.5Z, ",
        "0000-01-01T00:00Z, 0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999-18:00, +10000-01-01T17:59:59.999999999Z",
        "+2023-01-01T00:00Z, ",
        "12023-01-01T00:00Z, ",
        "2026-03-01T15:15:00.123+05:00, 2026-03-01T10:15:00.123Z",
        "２023-01-01T00:00Z, ",
        "'2023-01-01T00:00Z ', ",
        "' 2023-01-01T00:00Z', ",
    })
    void tableAgreesWithOracleAndExpectation(String text, String utc) {
        Instant expected = utc == null ? null : Instant.parse(utc);
        assertThat(oracleInstant(text)).as("oracle").isEqualTo(expected);
        assertThat(IsoInstants.instantOrNull(text)).as("IsoInstants").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024-02-29, 2024-02-29",
        "2023-02-29, ",
        "2000-02-29, 2000-02-29",
        "1900-02-29, ",
        "2023-04-30, 2023-04-30",
        "2023-04-31, ",
        "0000-01-01, 0000-01-01",
        "9999-12-31, 9999-12-31",
        "2023-1-01, ",
        "2023-01-01T00:00Z, ",
        "+2023-01-01, ",
        "2023/01/01, ",
        "20230101, ",
    })
    void dateTableAgreesWithOracleAndExpectation(String text, String iso) {
        LocalDate expected =
                iso == null
                        ? null
                        : LocalDate.of(
                                Integer.parseInt(iso.substring(0, 4)),
                                Integer.parseInt(iso.substring(5, 7)),
                                Integer.parseInt(iso.substring(8, 10)));
        assertThat(oracleDate(text)).as("oracle").isEqualTo(expected);
        assertThat(IsoInstants.dateOrNull(text)).as("IsoInstants").isEqualTo(expected);
    }

    @Test
    void randomNearInstantsAgreeWithOracle() {
        agreeOnRandomStrings(
                20260305L,
                300_000,
                IsoInstantsTest::nearInstant,
                IsoInstantsTest::oracleInstant,
                IsoInstants::instantOrNull);
    }

    @Test
    void randomNearDatesAgreeWithOracle() {
        agreeOnRandomStrings(
                20260306L,
                100_000,
                IsoInstantsTest::nearDate,
                IsoInstantsTest::oracleDate,
                IsoInstants::dateOrNull);
    }

    /**
     * Seeded random strings near the shape, mutated a little, on which the parser and the oracle
     * must both refuse or both give the same value.
     */
    private static <T> void agreeOnRandomStrings(
            long seed,
            int runs,
            Function<Random, String> near,
            Function<String, T> oracle,
            Function<String, T> parser) {
        Random random = new Random(seed);
        int accepted = 0;
        for (int run = 0; run < runs; run++) {
            String s = mutate(random, near.apply(random));
            T expected = oracle.apply(s);
            T actual = parser.apply(s);
            if (!Objects.equals(actual, expected)) {
                assertThat(actual).as("%s", s).isEqualTo(expected);
            }
            if (expected != null) {
                accepted++;
            }
        }
        // Both sides of the line must be well exercised, or the agreement says little.
        assertThat(accepted).isBetween(runs / 10, runs * 9 / 10);
    }

    @Test
    void refusalsKeepTheirMessages() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("occurredAt", "2023-02-29T00:00Z");
        node.put("permitUntil", "2023-02-29");
        node.put("citizenship", "uzb");
        RecordFields fields = new RecordFields(node);

        assertThatThrownBy(() -> fields.requireInstant("occurredAt"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage(
                        "occurredAt: \"2023-02-29T00:00Z\" is not an ISO-8601 instant with an"
                                + " offset");
        assertThatThrownBy(() -> fields.optionalDate("permitUntil"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("permitUntil: \"2023-02-29\" is not an ISO local date");
        assertThatThrownBy(() -> fields.requireCitizenship("citizenship"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage(
                        "citizenship: \"uzb\" is not an ISO 3166-1 alpha-3 code (three upper-case"
                                + " letters)");
    }

    @Test
    void citizenshipIsThreeAsciiCapitals() throws InvalidFieldException {
        String[] refused = {"", "UZ", "UZBK", "uzb", "UzB", "UZ1", "ÄBC", "U B", "UZ@", "UZ["};
        for (String s : refused) {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("citizenship", s);
            assertThatThrownBy(() -> new RecordFields(node).requireCitizenship("citizenship"))
                    .as("%s", s)
                    .isInstanceOf(InvalidFieldException.class);
        }
        for (String s : new String[] {"AAA", "UZB", "ZZZ"}) {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("citizenship", s);
            assertThat(new RecordFields(node).requireCitizenship("citizenship")).isEqualTo(s);
        }
    }

    /** A string of about the instant's shape whose parts each stray a little out of range. */
    private static String nearInstant(Random r) {
        StringBuilder b = new StringBuilder(nearDate(r));
        b.append(r.nextInt(20) == 0 ? pick(r, "t", " ") : "T");
        b.append(twoDigits(r, 26)).append(':').append(twoDigits(r, 62));
        if (r.nextInt(3) > 0) {
            b.append(':').append(twoDigits(r, 62));
            if (r.nextBoolean()) {
                b.append('.');
                int digits = r.nextInt(11);
                for (int i = 0; i < digits; i++) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
            }
        }
        switch (r.nextInt(8)) {
            case 0, 1 -> b.append(r.nextInt(20) == 0 ? "z" : "Z");
            case 2, 3 -> b.append(sign(r)).append(twoDigits(r, 21));
            case 4, 5, 6 ->
                    b.append(sign(r)).append(twoDigits(r, 21)).append(':').append(twoDigits(r, 64));
            default ->
                    b.append(sign(r))
                            .append(twoDigits(r, 21))
                            .append(pick(r, "", ":", ":00:", "0"))
                            .append(twoDigits(r, 64));
        }
        return b.toString();
    }

    /** A {@code yyyy-MM-dd} whose month and day stray a little out of range. */
    private static String nearDate(Random r) {
        int year = r.nextInt(4) == 0 ? 4 * r.nextInt(2500) : r.nextInt(10_000);
        String digits = Integer.toString(10_000 + year).substring(1);
        return digits + '-' + twoDigits(r, 14) + '-' + twoDigits(r, 33);
    }

    /** Up to two random edits: a character changed, dropped or put in. */
    private static String mutate(Random r, String s) {
        String alphabet = "0123456789-:T.Z+ zt";
        StringBuilder b = new StringBuilder(s);
        int edits = r.nextInt(5) < 3 ? 0 : 1 + r.nextInt(2);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = r.nextInt(b.length());
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            switch (r.nextInt(3)) {
                case 0 -> b.setCharAt(at, c);
                case 1 -> b.deleteCharAt(at);
                default -> b.insert(at, c);
            }
        }
        return b.toString();
    }

    /** Two digits for a number below {@code bound}, mostly in range, now and then just beyond. */
    private static String twoDigits(Random r, int bound) {
        int n = r.nextInt(bound);
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String sign(Random r) {
        return r.nextBoolean() ? "+" : "-";
    }

    private static String pick(Random r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
