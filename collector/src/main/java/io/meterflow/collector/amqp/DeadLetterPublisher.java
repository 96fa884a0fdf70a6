package io.meterflow.collector.amqp;

import java.util.List;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Copies unusable messages to the dead-letter queue, body unchanged, with why and where from in
 * headers, and waits for the broker's confirm: the original is acknowledged only after that.
 */
public final class DeadLetterPublisher {

    public static final String REASON_HEADER = "x-meterflow-reason";
    public static final String EXCHANGE_HEADER = "x-meterflow-original-exchange";
    public static final String ROUTING_KEY_HEADER = "x-meterflow-original-routing-key";
    private static final long CONFIRM_TIMEOUT_MS = 30_000;

    private final RabbitTemplate template;
    private final String queue;

    public DeadLetterPublisher(RabbitTemplate template, String queue) {
        this.template = template;
        this.queue = queue;
    }

    /** One dead letter: the message that failed and why. */
    public record DeadLetter(Message message, String reason) {}

    public void publish(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        template.invoke(operations -> {
            for (DeadLetter deadLetter : deadLetters) {
                MessageProperties original = deadLetter.message().getMessageProperties();
                MessageProperties properties = new MessageProperties();
                properties.setContentType(original.getContentType());
                properties.setContentEncoding(original.getContentEncoding());
                properties.setDeliveryMode(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
                original.getHeaders().forEach(properties::setHeader);
                properties.setHeader(REASON_HEADER, deadLetter.reason());
                properties.setHeader(EXCHANGE_HEADER, original.getReceivedExchange());
                properties.setHeader(ROUTING_KEY_HEADER, original.getReceivedRoutingKey());
                operations.send("", queue, new Message(deadLetter.message().getBody(), properties));
            }
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            return null;
        });
    }
}
