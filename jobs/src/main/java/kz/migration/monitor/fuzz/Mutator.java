package kz.migration.monitor.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kz.migration.monitor.json.RawPayload;

/**
 * Structure-aware mutations of one valid record: fields dropped, nulled, renamed, duplicated or
 * given values of the wrong type; enums, codes, lengths, numbers, instants and dates at and beyond
 * the contract's bounds; unknown fields nested around the depth bound or padded around the size
 * bound; and text damage (truncation, byte flips, invalid UTF-8, stray characters, a second value).
 * Every choice comes from the given random source, so a seed replays the same inputs.
 */
final class Mutator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

    private static final String[] REGIONS = {
        "KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39",
        "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79"
    };
    private static final String[] BAD_REGIONS = {
        "KZ-12", "KZ-00", "kz-71", "KZ-7", "KZ71", " KZ-71", "KZ-71 ", "KZ-ALA", "KZ-071", "",
        "ＫＺ-71"
    };
    private static final String[] CITIZENSHIPS = {"KAZ", "UZB", "RUS", "IND", "CHN", "XXX"};
    private static final String[] BAD_CITIZENSHIPS = {
        "kaz", "KA", "KAZZ", "", "123", "ÄBC", "KAZ\n", " KAZ", "К\u0410Z", "K1Z"
    };
    private static final String[] VALID_INSTANTS = {
        "2026-03-01T10:15:00Z",
        "2026-03-01T15:15:00+05:00",
        "2026-03-01T15:15+05:00",
        "2026-03-01T15:15:00.5+05:00",
        "2026-03-01T15:15:00.123456789+05",
        "2024-02-29T23:59:59-18:00",
        "2000-02-29T00:00:00+18:00",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "2026-03-01T19:00:00Z",
        "2026-03-01T18:59:59Z"
    };
    private static final String[] BAD_INSTANTS = {
        "2026-03-01T10:15:00",
        "2026-03-01 10:15:00Z",
        "2026-03-01t10:15:00z",
        "2026-03-01T10:15:00+05:00:00",
        "2026-03-01T10:15:00+18:01",
        "2026-03-01T10:15:00+19:00",
        "2026-03-01T24:00:00Z",
        "2026-03-01T23:59:60Z",
        "2026-02-29T10:15:00Z",
        "1900-02-29T10:15:00Z",
        "2026-13-01T10:15:00Z",
        "2026-00-10T10:15:00Z",
        "20260301T101500Z",
        "2026-03-01T10:15:00.1234567890Z",
        "2026-03-01T10:15:00.Z",
        "2026-03-01",
        "+2026-03-01T10:15:00Z",
        "12026-03-01T10:15:00Z",
        "2026-03-01T10:15:00Z\n",
        "2026-03-01T10:15:00+0500",
        "2026-03-01T10:15:00 +05:00",
        "2026-03-01T10:15:00UTC",
        "2026-03-01T10:15:00[Asia/Almaty]",
        "２０２６-03-01T10:15:00Z",
        ""
    };
    private static final String[] BAD_DATES = {
        "2026-02-30",
        "2026-6-1",
        "2026-06-01T00:00:00Z",
        "20260601",
        "2026-13-01",
        "2025-02-29",
        "+2026-06-01",
        "2026-06-01\n",
        "",
        "2026/06/01",
        "0000-00-00"
    };
    private static final String[] UNICODE = {
        "Алматы",
        "Шымкент",
        "Өскемен",
        "日本",
        "\ud83d\ude02",
        "e\u0301",
        "\u0000",
        "\u200b",
        "\ud800",
        "\udfff",
        "\u2028",
        "\t",
        "\\",
        "\"",
        "\ufeff"
    };

    private final Map<String, FieldKind> fields;
    private final List<String> names;

    Mutator(Map<String, FieldKind> fields) {
        this.fields = fields;
        this.names = new ArrayList<>(fields.keySet());
        this.names.sort(null);
    }

    /** A mutated copy of {@code seed}, as the bytes a Kafka record would carry. */
    byte[] mutate(ObjectNode seed, SplittableRandom r) {
        ObjectNode record = seed.deepCopy();
        int structural = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(3);
        String duplicate = null;
        for (int i = 0; i < structural; i++) {
            duplicate = mutateTree(record, r, duplicate);
        }
        String text = record.toString();
        if (duplicate != null && record.has(duplicate)) {
            // a key given twice: only the text can say it
            text =
                    "{\""
                            + duplicate
                            + "\":"
                            + value(duplicate, r, r.nextBoolean())
                            + ","
                            + text.substring(1);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return r.nextInt(4) == 0 ? damage(bytes, r) : bytes;
    }

    private String mutateTree(ObjectNode record, SplittableRandom r, String duplicate) {
        String name = pickName(record, r);
        int op = r.nextInt(100);
        if (op < 22) {
            record.set(name, value(name, r, true));
        } else if (op < 44) {
            record.set(name, value(name, r, false));
        } else if (op < 52) {
            record.remove(name);
        } else if (op < 56) {
            record.putNull(name);
        } else if (op < 60) {
            JsonNode v = record.remove(name);
            if (v != null) {
                record.set(renamed(name, r), v);
            }
        } else if (op < 68) {
            record.set(name, anyValue(r, 3));
        } else if (op < 73) {
            record.set("x" + r.nextInt(3), deep(depthNearBound(r)));
        } else if (op < 76) {
            record.set(name, deep(depthNearBound(r)));
        } else if (op < 78) {
            pad(record, r);
        } else if (op < 88) {
            dateAroundOccurredAt(record, r);
        } else if (op < 96) {
            FieldKind kind = fields.get("kind");
            if (kind != null) {
                record.put("kind", kind.values().get(r.nextInt(kind.values().size())));
            }
        } else {
            return name;
        }
        return duplicate;
    }

    private String pickName(ObjectNode record, SplittableRandom r) {
        if (record.size() > 0 && r.nextInt(3) > 0) {
            List<String> present = new ArrayList<>();
            record.fieldNames().forEachRemaining(present::add);
            return present.get(r.nextInt(present.size()));
        }
        return names.get(r.nextInt(names.size()));
    }

    private static String renamed(String name, SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> name.toUpperCase();
            case 1 -> name + "_";
            case 2 -> " " + name;
            case 3 -> name.substring(0, name.length() - 1);
            default -> name.substring(0, 1).toUpperCase() + name.substring(1);
        };
    }

    /** An allowed ({@code valid}) or a hostile value of the named field. */
    private JsonNode value(String name, SplittableRandom r, boolean valid) {
        FieldKind kind = fields.get(name);
        if (kind == null) {
            return anyValue(r, 2);
        }
        return switch (kind.format()) {
            case STRING -> valid ? text(r, 1 + r.nextInt((int) kind.min())) : badString(kind, r);
            case TEXT -> valid ? text(r, r.nextInt(20)) : anyValue(r, 2);
            case CITY ->
                    valid
                            ? NODES.textNode(
                                    pick(r, "Astana", " Almaty ", "", "   ", "Алматы", "x"))
                            : anyNonString(r);
            case INSTANT -> NODES.textNode(valid ? pick(r, VALID_INSTANTS) : pick(r, BAD_INSTANTS));
            case DATE, DATE_FROM_OCCURRED_AT ->
                    valid
                            ? NODES.textNode(
                                    pick(
                                            r,
                                            "2026-06-01",
                                            "2030-01-01",
                                            "2024-02-29",
                                            "9999-12-31",
                                            "2026-12-31"))
                            : (r.nextInt(4) == 0
                                    ? anyNonString(r)
                                    : NODES.textNode(pick(r, BAD_DATES)));
            case CITIZENSHIP ->
                    valid
                            ? NODES.textNode(pick(r, CITIZENSHIPS))
                            : (r.nextInt(4) == 0
                                    ? anyNonString(r)
                                    : NODES.textNode(pick(r, BAD_CITIZENSHIPS)));
            case REGION ->
                    valid
                            ? NODES.textNode(pick(r, REGIONS))
                            : (r.nextInt(4) == 0
                                    ? NODES.numberNode(71)
                                    : NODES.textNode(pick(r, BAD_REGIONS)));
            case ENUM -> valid ? NODES.textNode(pick(r, kind.values())) : badEnum(kind, r);
            case INTEGER -> valid ? NODES.numberNode(validInteger(kind, r)) : badInteger(kind, r);
            case BOOLEAN ->
                    valid
                            ? NODES.booleanNode(r.nextBoolean())
                            : (r.nextBoolean()
                                    ? NODES.textNode(pick(r, "true", "false", "yes", ""))
                                    : NODES.numberNode(r.nextInt(2)));
        };
    }

    private static JsonNode badString(FieldKind kind, SplittableRandom r) {
        int max = (int) kind.min();
        return switch (r.nextInt(5)) {
            case 0 -> NODES.textNode("");
            case 1 -> text(r, max + 1);
            case 2 -> NODES.textNode("\ud83d\ude02".repeat(max + r.nextInt(2)));
            case 3 -> text(r, max - 1 + r.nextInt(3));
            default -> anyNonString(r);
        };
    }

    private static JsonNode badEnum(FieldKind kind, SplittableRandom r) {
        String v = pick(r, kind.values());
        return switch (r.nextInt(7)) {
            case 0 -> NODES.textNode(v.toLowerCase());
            case 1 -> NODES.textNode(" " + v);
            case 2 -> NODES.textNode(v + "\n");
            case 3 -> NODES.textNode("FOO");
            case 4 -> NODES.textNode("");
            case 5 -> NODES.textNode(v.replace('E', 'Е')); // Cyrillic Е
            default -> anyNonString(r);
        };
    }

    private static long validInteger(FieldKind kind, SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> kind.min();
            case 1 -> kind.max() == Long.MAX_VALUE ? Long.MAX_VALUE : kind.max();
            case 2 -> 2026;
            default -> kind.min() + r.nextInt(1000);
        };
    }

    private static JsonNode badInteger(FieldKind kind, SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> NODES.numberNode(kind.min() - 1);
            case 1 ->
                    kind.max() == Long.MAX_VALUE
                            ? NODES.numberNode(
                                    BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))
                            : NODES.numberNode(kind.max() + 1);
            case 2 -> NODES.numberNode(BigInteger.TEN.pow(30));
            case 3 -> NODES.numberNode(2026.0);
            case 4 -> NODES.numberNode(new BigDecimal("2.026E+3"));
            case 5 -> NODES.numberNode(2026.5);
            case 6 -> NODES.textNode("2026");
            case 7 -> NODES.numberNode(Long.MIN_VALUE);
            case 8 -> NODES.numberNode(new BigDecimal("1E+400"));
            default -> anyNonString(r);
        };
    }

    /**
     * A date-from field on, or one day before, the local date of {@code occurredAt}, with {@code
     * occurredAt} set near the day boundary at UTC+05:00 (19:00Z is midnight there).
     */
    private void dateAroundOccurredAt(ObjectNode record, SplittableRandom r) {
        List<String> dateFields = new ArrayList<>();
        for (String n : names) {
            if (fields.get(n).format() == FieldKind.Format.DATE_FROM_OCCURRED_AT) {
                dateFields.add(n);
            }
        }
        if (dateFields.isEmpty()) {
            dateFields.add("until");
        }
        OffsetDateTime at =
                OffsetDateTime.of(
                                2026,
                                3,
                                1,
                                18 + r.nextInt(2),
                                59 * r.nextInt(2),
                                0,
                                0,
                                ZoneOffset.UTC)
                        .plusSeconds(r.nextInt(2) * 59L);
        if (r.nextBoolean()) {
            at = at.withOffsetSameInstant(ZoneOffset.ofHours(r.nextInt(-3, 8)));
        }
        record.put("occurredAt", at.toString());
        LocalDate local = at.atZoneSameInstant(KAZAKHSTAN).toLocalDate();
        record.put(pick(r, dateFields), local.minusDays(r.nextInt(2)).toString());
    }

    private static int depthNearBound(SplittableRandom r) {
        // the record is depth 1, so a value of depth d makes the record d + 1 deep
        return r.nextInt(10) == 0 ? 1 + r.nextInt(900) : 13 + r.nextInt(5);
    }

    private static JsonNode deep(int depth) {
        JsonNode v = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            if (i % 2 == 0) {
                ArrayNode a = NODES.arrayNode();
                a.add(v);
                v = a;
            } else {
                ObjectNode o = NODES.objectNode();
                o.set("d", v);
                v = o;
            }
        }
        return v;
    }

    /** An unknown field that brings the record to just under, at or over the size bound. */
    private static void pad(ObjectNode record, SplittableRandom r) {
        int size = record.toString().getBytes(StandardCharsets.UTF_8).length;
        // "pad":"..." adds 9 bytes beside the characters
        int target = RawPayload.MAX_RECORD_BYTES - 9 - size + r.nextInt(-2, 3);
        if (r.nextInt(20) == 0) {
            target += 1 << 20;
        }
        if (target > 0) {
            if (r.nextBoolean()) {
                record.put("pad", "a".repeat(target));
            } else {
                // two-byte characters: the bound is in bytes, not characters
                record.put("pad", "ж".repeat(target / 2) + "a".repeat(target % 2));
            }
        }
    }

    private static JsonNode anyNonString(SplittableRandom r) {
        JsonNode v;
        do {
            v = anyValue(r, 2);
        } while (v.isTextual() || v.isNull());
        return v;
    }

    private static JsonNode anyValue(SplittableRandom r, int depth) {
        return switch (r.nextInt(depth > 0 ? 11 : 9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextInt(-2, 3));
            case 3 -> NODES.numberNode(r.nextLong());
            case 4 -> NODES.numberNode(new BigInteger(100, new java.util.Random(r.nextLong())));
            case 5 -> NODES.numberNode(r.nextDouble() * 4000 - 2000);
            case 6 -> NODES.textNode("");
            case 7 -> text(r, r.nextInt(70));
            case 8 -> NODES.textNode(pick(r, UNICODE));
            case 9 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    a.add(anyValue(r, depth - 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    o.set("k" + i, anyValue(r, depth - 1));
                }
                yield o;
            }
        };
    }

    /** A string of {@code length} code points, some of them beyond ASCII and the BMP. */
    private static JsonNode text(SplittableRandom r, int length) {
        StringBuilder b = new StringBuilder();
        boolean plain = r.nextInt(3) > 0;
        for (int i = 0; i < length; i++) {
            if (plain) {
                b.append((char) ('a' + r.nextInt(26)));
            } else {
                b.append(pick(r, "x", "Ж", "ә", "\ud83d\ude02", " ", "-", "日"));
            }
        }
        return NODES.textNode(b.toString());
    }

    /** Damage below the JSON level, on the bytes as they would travel. */
    private static byte[] damage(byte[] bytes, SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
        int at = bytes.length == 0 ? 0 : r.nextInt(bytes.length);
        switch (r.nextInt(12)) {
            case 11 -> {
                // far deeper than a JSON writer goes: an unknown field thousands of arrays deep
                int depth = 1_000 + r.nextInt(100_000);
                out.writeBytes(
                        ("{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",")
                                .getBytes(StandardCharsets.UTF_8));
                out.write(bytes, 1, Math.max(0, bytes.length - 1));
            }
            case 0 -> out.write(bytes, 0, at); // truncated
            case 1 -> {
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[at] ^= (byte) (1 << r.nextInt(8));
                }
                return copy;
            }
            case 2 -> {
                out.write(bytes, 0, at);
                byte[][] invalid = {
                    {(byte) 0xC3},
                    {(byte) 0xFF},
                    {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                    {(byte) 0x80}
                };
                out.writeBytes(invalid[r.nextInt(invalid.length)]);
                out.write(bytes, at, bytes.length - at);
            }
            case 3 -> {
                out.write(bytes, 0, at);
                out.writeBytes(
                        pick(r, "{", "}", "[", "]", ",", ":", "\"", "\\", "\n", "\u0000", "nul")
                                .getBytes(StandardCharsets.UTF_8));
                out.write(bytes, at, bytes.length - at);
            }
            case 4 -> {
                out.write(bytes, 0, at);
                if (at + 1 < bytes.length) {
                    out.write(bytes, at + 1, bytes.length - at - 1);
                }
            }
            case 5 -> {
                out.writeBytes(bytes);
                out.writeBytes(
                        pick(r, " {}", "x", ",", "\n{}", " ", "\n")
                                .getBytes(StandardCharsets.UTF_8));
            }
            case 6 -> {
                out.writeBytes(pick(r, "\ufeff", " ", "[", "\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(bytes);
            }
            case 7 ->
                    out.writeBytes(
                            pick(
                                            r, "[]", "null", "\"x\"", "1", "", "   ", "true",
                                            "[{}]", "{", "{}")
                                    .getBytes(StandardCharsets.UTF_8));
            case 8 -> {
                out.write(bytes, 0, at);
                int to = Math.min(bytes.length, at + 1 + r.nextInt(12));
                out.write(bytes, at, to - at);
                out.write(bytes, at, bytes.length - at);
            }
            case 9 -> {
                out.write((byte) '[');
                out.writeBytes(bytes);
                out.write((byte) ']');
            }
            default -> {
                // an escape mangled inside the text: \\u with too few digits, or a lone surrogate
                out.write(bytes, 0, at);
                out.writeBytes(
                        pick(r, "\\u12", "\\ud800", "\\x41", "\\")
                                .getBytes(StandardCharsets.UTF_8));
                out.write(bytes, at, bytes.length - at);
            }
        }
        return out.toByteArray();
    }

    private static String pick(SplittableRandom r, String... values) {
        return values[r.nextInt(values.length)];
    }

    private static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }
}
