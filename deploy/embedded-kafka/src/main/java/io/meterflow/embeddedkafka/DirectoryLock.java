package io.meterflow.embeddedkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a broker's data directory, taken before Kafka touches it. Kafka locks its log
 * directories too, but only after binding its ports and with a message that does not say what to do;
 * this one fails first and names the directory.
 */
final class DirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "meterflow-broker.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this JVM: another broker here uses the directory.
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
        if (lock == null) {
            close(channel);
            throw new KafkaDirectoryInUseException(directory);
        }
        return new DirectoryLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it anyway.
        } finally {
            close(channel);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing held: the lock goes with the channel.
        }
    }
}
