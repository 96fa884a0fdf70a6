package io.meterflow.timeseries.storage;

import io.meterflow.timeseries.aggregation.TimeSeries;
import java.nio.ByteBuffer;

/**
 * Binary form of a split: a version byte, the point count, then the bucket offsets within the
 * split (int) and the values (double) as two columns. Columns compress better under
 * PostgreSQL's TOAST than interleaved pairs, and offsets keep a point to 12 bytes before
 * compression.
 */
public final class SplitCodec {

    private static final byte VERSION = 1;

    private SplitCodec() {
    }

    public static byte[] encode(TimeSeries points, long splitStart, long granularity) {
        int size = points.size();
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + size * 12);
        buffer.put(VERSION).putInt(size);
        for (long timestamp : points.timestamps()) {
            buffer.putInt((int) ((timestamp - splitStart) / granularity));
        }
        for (double value : points.values()) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    public static TimeSeries decode(byte[] bytes, long splitStart, long granularity) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte version = buffer.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown split format version " + version);
        }
        int size = buffer.getInt();
        long[] timestamps = new long[size];
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            timestamps[i] = splitStart + buffer.getInt() * granularity;
        }
        for (int i = 0; i < size; i++) {
            values[i] = buffer.getDouble();
        }
        return new TimeSeries(timestamps, values);
    }

    /** The raw buffer: count, timestamps (long), values (double). */
    public static byte[] encodeRaw(TimeSeries series) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + series.size() * 16);
        buffer.put(VERSION).putInt(series.size());
        for (long timestamp : series.timestamps()) {
            buffer.putLong(timestamp);
        }
        for (double value : series.values()) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    public static TimeSeries decodeRaw(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte version = buffer.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown raw buffer format version " + version);
        }
        int size = buffer.getInt();
        long[] timestamps = new long[size];
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            timestamps[i] = buffer.getLong();
        }
        for (int i = 0; i < size; i++) {
            values[i] = buffer.getDouble();
        }
        return new TimeSeries(timestamps, values);
    }
}
