package io.meterflow.rating.dataframe;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A point's groupby or metadata: an immutable copy that keeps the collector's order. A point has a
 * handful of attributes and rules look them up by name once per field, so they are kept as two
 * arrays and found by a scan, which beats hashing at this size. Being its own type, it is never
 * copied again when a rated point is derived from another.
 */
final class Attributes extends AbstractMap<String, Object> {

    private final String[] keys;
    private final Object[] values;
    /**
     * One bit per key, chosen by the key's hash: a name whose bit is clear is absent without a
     * scan. Rules mostly ask the groupby for fields only the metadata holds.
     */
    private final long keyBits;

    private Attributes(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
        long bits = 0;
        for (String key : keys) {
            bits |= bit(key);
        }
        this.keyBits = bits;
    }

    private static long bit(String key) {
        return 1L << (key.hashCode() & 63);
    }

    static Map<String, Object> of(Map<String, Object> map) {
        if (map instanceof Attributes attributes) {
            return attributes;
        }
        String[] keys = new String[map.size()];
        Object[] values = new Object[map.size()];
        int i = 0;
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            keys[i] = Objects.requireNonNull(entry.getKey(), "attribute name");
            values[i] = entry.getValue();
            i++;
        }
        return new Attributes(keys, values);
    }

    private int indexOf(Object key) {
        if (!(key instanceof String name) || (keyBits & bit(name)) == 0) {
            return -1;
        }
        // Names parsed from JSON keys and the rules' field names are interned: a scan of the
        // references alone finds them without reading any other string.
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == name) {
                return i;
            }
        }
        int hash = name.hashCode();
        for (int i = 0; i < keys.length; i++) {
            String candidate = keys[i];
            if (candidate == name || (candidate.hashCode() == hash && candidate.equals(name))) {
                return i;
            }
        }
        return -1;
    }

    Object getOr(String key, Object absent) {
        int index = indexOf(key);
        return index < 0 ? absent : values[index];
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
