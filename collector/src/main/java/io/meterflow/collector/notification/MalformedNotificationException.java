package io.meterflow.collector.notification;

/** A message body that is not an oslo.messaging notification; the message says why. */
public final class MalformedNotificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedNotificationException(String reason) {
        super(reason);
    }

    public MalformedNotificationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
