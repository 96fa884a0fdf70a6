package io.meterflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AmqpBrokerTest {

    @Test
    void readsConnectionPartsOutOfTheUri() {
        AmqpBroker broker = new AmqpBroker(
                "amqp://meter:s3cret@rabbit.local/mf_test_0123456789ab",
                "mf_test_0123456789ab",
                "mf_test_0123456789ab.");

        assertThat(broker.host()).isEqualTo("rabbit.local");
        assertThat(broker.port()).isEqualTo(5672);
        assertThat(broker.username()).isEqualTo("meter");
        assertThat(broker.password()).isEqualTo("s3cret");
        assertThat(broker.name("usage")).isEqualTo("mf_test_0123456789ab.usage");
    }

    @Test
    void keepsThePasswordOutOfToString() {
        AmqpBroker broker = new AmqpBroker("amqps://meter:s3cret@rabbit.local:5671/%2F", "/", "mf_test_0123456789ab.");

        assertThat(broker.toString()).doesNotContain("s3cret").contains("meter:****@rabbit.local");
        assertThat(broker.port()).isEqualTo(5671);
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AmqpBroker("http://u:p@h/", "/", "p."))
                .withMessageNotContaining(":p@");
    }
}
