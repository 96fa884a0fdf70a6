package io.meterflow.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutations of JSON inputs, the kind that find bugs in parsers of real messages:
 * a valid document with one value swapped for another type, an odd number, a hostile string, a
 * key removed or added, a container nested deeper; and text-level damage (truncation, a byte
 * flipped). Leaf values are edge cases or random, from the run's seeded random only, so that a
 * seed replays an input exactly.
 */
public final class JsonFuzz {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values that have broken parsers of ids, timestamps, numbers and SQL before. */
    private static final String[] EDGE_STRINGS = {
        "",
        " ",
        "null",
        "NaN",
        "-inf",
        "Infinity",
        "1e309",
        "-0",
        "0x10",
        "9223372036854775808",
        "2024-01-15T10:00:00",
        "2024-13-45T25:61:61",
        "2024-01-15T10:00:00+25:00",
        "1705312800",
        "-1705312800",
        "99999999999999999999",
        "-2 days",
        "now",
        "00000000-0000-0000-0000-000000000000",
        "\u0000",
        "\ud800",
        "../../etc/passwd",
        "'; DROP TABLE metric; --",
        "%00",
        "a".repeat(300)
    };

    private static final double[] EDGE_DOUBLES = {
        0.0, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-320, 1e300, 0.1, -1.5e3
    };

    private static final long[] EDGE_LONGS = {
        0,
        -1,
        1,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        1_705_312_800L,
        1_705_312_800_000_000_000L
    };

    private JsonFuzz() {}

    /** A string likely to break a parser of ids, timestamps or numbers: an edge case, or random characters. */
    public static String string(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> EDGE_STRINGS[random.nextInt(EDGE_STRINGS.length)];
            case 1 -> characters(random, 0x20, 0x7f, random.nextInt(13));
            default ->
                characters(random, 0, Character.MAX_VALUE + 1, random.nextInt(25)); // surrogates and controls too
        };
    }

    private static String characters(Random random, int from, int to, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (from + random.nextInt(to - from)));
        }
        return text.toString();
    }

    private static double number(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> EDGE_DOUBLES[random.nextInt(EDGE_DOUBLES.length)];
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            default -> {
                double any = Double.longBitsToDouble(random.nextLong());
                yield Double.isFinite(any) ? any : 0.0; // JSON has no NaN or infinity
            }
        };
    }

    private static long integer(Random random) {
        return random.nextBoolean() ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] : random.nextLong();
    }

    /** A random JSON value, containers up to {@code depth} deep. */
    public static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(integer(random));
            case 3 -> NODES.numberNode(number(random));
            case 4, 5 -> NODES.textNode(string(random));
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(string(random), value(random, depth - 1));
                }
                yield object;
            }
        };
    }

    /** A copy of {@code document} with one to three mutations at random places. */
    public static JsonNode mutate(JsonNode document, Random random) {
        JsonNode copy = document.deepCopy();
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
            List<ContainerNode<?>> containers = new ArrayList<>();
            collect(copy, containers);
            if (containers.isEmpty()) {
                return value(random, 2);
            }
            mutateOne(containers.get(random.nextInt(containers.size())), random);
        }
        return copy;
    }

    /** Text-level damage: truncation, a character inserted, removed or replaced. */
    public static String damage(String text, Random random) {
        if (text.isEmpty()) {
            return string(random);
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + (char) random.nextInt(128) + text.substring(at);
            case 2 -> text.substring(0, at) + text.substring(at + 1);
            default -> text.substring(0, at) + "\"{}[],:0-e.\\".charAt(random.nextInt(12)) + text.substring(at + 1);
        };
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
            node.forEach(child -> collect(child, into));
        }
    }

    private static void mutateOne(ContainerNode<?> container, Random random) {
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || random.nextInt(5) == 0) {
                object.set(random.nextBoolean() ? string(random) : "id", value(random, 2));
                return;
            }
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, value(random, 2));
                default -> object.set(name, NODES.arrayNode().add(object.get(name)));
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextInt(5) == 0) {
                array.add(value(random, 2));
                return;
            }
            int index = random.nextInt(array.size());
            switch (random.nextInt(3)) {
                case 0 -> array.remove(index);
                case 1 -> array.set(index, value(random, 2));
                default -> array.add(array.get(index).deepCopy());
            }
        }
    }
}
