package io.meterflow.timeseries.split;

import io.meterflow.timeseries.aggregation.TimeSeries;
import java.nio.ByteBuffer;

/**
 * Binary form of a split: a version byte, the point count, then the bucket offsets within the
 * split and the values (double) as two columns.
 *
 * <p>Version 1 stores every offset (int): 12 bytes a point. Version 2, written whenever the
 * buckets are contiguous (the usual case: a metric that reports every period), stores the first
 * offset alone: 8 bytes a point. Splits stay below TOAST's threshold, where PostgreSQL does not
 * compress them, so what the codec leaves out is what PostgreSQL writes less, to its pages and
 * its WAL, on every rewrite of a split. Both versions are read.
 */
public final class SplitCodec {

    private static final byte SPARSE = 1;
    private static final byte CONTIGUOUS = 2;
    private static final byte RAW = 1;

    private SplitCodec() {}

    public static byte[] encode(TimeSeries points, long splitStart, long granularity) {
        int size = points.size();
        long[] timestamps = points.timestamps();
        if (contiguous(timestamps, size, granularity)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + 4 + size * 8);
            buffer.put(CONTIGUOUS).putInt(size).putInt((int) ((timestamps[0] - splitStart) / granularity));
            putValues(buffer, points.values(), size);
            return buffer.array();
        }
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + size * 12);
        buffer.put(SPARSE).putInt(size);
        for (int i = 0; i < size; i++) {
            buffer.putInt((int) ((timestamps[i] - splitStart) / granularity));
        }
        putValues(buffer, points.values(), size);
        return buffer.array();
    }

    public static TimeSeries decode(byte[] bytes, long splitStart, long granularity) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte version = buffer.get();
        int size = buffer.getInt();
        long[] timestamps = new long[size];
        if (version == CONTIGUOUS) {
            long first = size == 0 ? 0 : splitStart + buffer.getInt() * granularity;
            for (int i = 0; i < size; i++) {
                timestamps[i] = first + i * granularity;
            }
        } else if (version == SPARSE) {
            for (int i = 0; i < size; i++) {
                timestamps[i] = splitStart + buffer.getInt() * granularity;
            }
        } else {
            throw new IllegalStateException("unknown split format version " + version);
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = buffer.getDouble();
        }
        return new TimeSeries(timestamps, values);
    }

    private static boolean contiguous(long[] timestamps, int size, long granularity) {
        if (size == 0) {
            return false;
        }
        for (int i = 1; i < size; i++) {
            if (timestamps[i] - timestamps[i - 1] != granularity) {
                return false;
            }
        }
        return true;
    }

    private static void putValues(ByteBuffer buffer, double[] values, int size) {
        for (int i = 0; i < size; i++) {
            buffer.putDouble(values[i]);
        }
    }

    /** The raw buffer: count, timestamps (long), values (double). */
    public static byte[] encodeRaw(TimeSeries series) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + series.size() * 16);
        buffer.put(RAW).putInt(series.size());
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
        if (version != RAW) {
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
