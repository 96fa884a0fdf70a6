package io.meterflow.testsupport.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.meterflow.testsupport.PostgresDatabase;
import org.junit.jupiter.api.Test;

class PostgresAdminTest {

    @Test
    void takesCredentialsOutOfTheUrl() {
        PostgresAdmin admin = PostgresAdmin.parse(
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=s%26cret&sslmode=disable");

        assertThat(admin.user()).isEqualTo("postgres");
        assertThat(admin.password()).isEqualTo("s&cret");
        assertThat(admin.url().toString()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable");
    }

    @Test
    void pointsADatabaseNextToTheAdminOneWithTheSameHostsAndParameters() {
        PostgresAdmin admin =
                PostgresAdmin.parse("jdbc:postgresql://db1:5432,db2:5433/postgres?user=mf&targetServerType=primary");

        PostgresDatabase database = admin.database("mf_test_0123456789ab");

        assertThat(database.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db1:5432,db2:5433/mf_test_0123456789ab?targetServerType=primary");
        assertThat(database.user()).isEqualTo("mf");
        assertThat(database.password()).isEmpty();
    }

    @Test
    void readsZonkyUrlsThatCarryTheUser() {
        PostgresAdmin admin =
                PostgresAdmin.of("jdbc:postgresql://localhost:40000/postgres?user=postgres", "postgres", "");

        assertThat(admin.url().toString()).isEqualTo("jdbc:postgresql://localhost:40000/postgres");
    }

    @Test
    void rejectsUrlsWithoutUserDatabaseOrHost() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PostgresAdmin.parse("jdbc:postgresql://127.0.0.1:5432/postgres"))
                .withMessageContaining("no user");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PostgresAdmin.parse("jdbc:postgresql://127.0.0.1:5432?user=postgres"))
                .withMessageContaining("no database");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PostgresAdmin.parse("jdbc:mysql://127.0.0.1/postgres?user=postgres"))
                .withMessageContaining("jdbc:postgresql://");
    }

    @Test
    void keepsThePasswordOutOfToString() {
        PostgresAdmin admin = PostgresAdmin.parse("jdbc:postgresql://h:1/postgres?user=u&password=topsecret");
        PostgresDatabase database = admin.database("mf_test_0123456789ab");

        assertThat(admin.toString()).doesNotContain("topsecret");
        assertThat(database.toString()).doesNotContain("topsecret");
    }
}
