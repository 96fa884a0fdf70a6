package io.meterflow.gnocchiclient.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeystoneTokenAuthTest {

    @Test
    void aRefusedTokenGoesToTheRenewerAndTheRequestIsWorthSendingAgain() {
        List<String> refused = new ArrayList<>();
        KeystoneTokenAuth auth = new KeystoneTokenAuth(() -> "token-1", refused::add);

        assertThat(auth.refused(auth.headers())).isTrue();
        assertThat(refused).containsExactly("token-1");
    }

    @Test
    void aTokenNobodyRenewsMakesA401Final() {
        KeystoneTokenAuth auth = new KeystoneTokenAuth(() -> "a-users-token");

        assertThat(auth.refused(auth.headers())).isFalse();
        assertThat(new BasicAuth("admin").refused(Map.of())).isFalse();
    }
}
