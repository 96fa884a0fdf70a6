package io.meterflow.embeddedkafka;

import java.nio.file.Path;

/** Another broker, in this process or another one, already runs on this data directory. */
public final class KafkaDirectoryInUseException extends IllegalStateException {

    private final transient Path directory;

    public KafkaDirectoryInUseException(Path directory) {
        super("The Kafka data directory " + directory + " is in use by another broker (" + DirectoryLock.FILE_NAME
                + " is locked): stop that broker, or give this one another data directory");
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
