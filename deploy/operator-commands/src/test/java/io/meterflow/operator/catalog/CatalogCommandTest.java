package io.meterflow.operator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogCommandTest {

    private record Run(int status, String out, String err) {}

    private static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CatalogCommand.run(
                List.of(args),
                environment::get,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aKeystoneThatIsNotThereIsOneLineAndStatusOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed: nothing listens there
        }
        Run down = run(
                Map.of(
                        "OS_AUTH_URL", "http://127.0.0.1:" + port + "/v3",
                        "OS_USERNAME", "admin",
                        "OS_PASSWORD", "admin-pass",
                        "OS_PROJECT_NAME", "admin"),
                "register",
                "--public-url-base",
                "http://127.0.0.1");

        assertThat(down.status()).isEqualTo(1);
        assertThat(down.out()).isEmpty();
        assertThat(down.err())
                .startsWith("meterflow catalog: cannot reach Keystone at http://127.0.0.1:" + port + "/v3")
                .hasLineCount(1);
    }

    @Test
    void aWrongCommandLineIsStatusTwoAndHelpIsStatusZero() {
        Run wrong = run(Map.of(), "register");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).contains("meterflow catalog: --os-auth-url or OS_AUTH_URL is needed");
        assertThat(run(Map.of()).status()).isEqualTo(2);
        Run help = run(Map.of(), "register", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("usage: bin/meterflow catalog register").contains("billing");
    }
}
