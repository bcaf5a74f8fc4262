package io.mercato.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL lets in only who knows the superuser password kept in the data directory. */
class EmbeddedDatabaseConfigurationIT {

    @TempDir
    Path dataDir;

    @Test
    void aNewDatabaseRefusesConnectionsWithoutThePasswordKeptOwnerOnly() throws Exception {
        try (EmbeddedPostgres postgres = start()) {
            Path file = dataDir.resolve(SuperuserPassword.FILE_NAME);
            assertThat(file).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            assertRefused(postgres.getPort(), null);
            assertRefused(postgres.getPort(), "");
            assertRefused(postgres.getPort(), "postgres");
            assertAccepted(postgres.getPort(), Files.readString(file).strip());
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*trust\\s*$");
        }
    }

    @Test
    void aDatabaseThatTrustedEveryoneGetsAPasswordOnItsNextStart() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60)).start()) {
            assertAccepted(old.getPort(), null);
        }
        assertThat(dataDir.resolve(SuperuserPassword.FILE_NAME)).doesNotExist();

        try (EmbeddedPostgres postgres = start()) {
            Path file = dataDir.resolve(SuperuserPassword.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertRefused(postgres.getPort(), null);
            assertAccepted(postgres.getPort(), Files.readString(file).strip());
        }
        try (EmbeddedPostgres again = start()) {
            assertRefused(again.getPort(), null);
            assertAccepted(again.getPort(), Files.readString(dataDir.resolve(SuperuserPassword.FILE_NAME)).strip());
        }
    }

    @Test
    void aDatabaseThatAsksForAPasswordWithoutItsFileFailsNamingTheFile() throws Exception {
        start().close();
        Files.delete(dataDir.resolve(SuperuserPassword.FILE_NAME));

        assertThatThrownBy(this::start).hasMessageContaining(dataDir.resolve(SuperuserPassword.FILE_NAME).toString())
                .hasMessageContaining("pg_hba.conf");
    }

    private EmbeddedPostgres start() throws Exception {
        return new EmbeddedDatabaseConfiguration().embeddedPostgres(new DatabaseProperties(dataDir, 0, 2, Map.of()));
    }

    private static void assertRefused(int port, String password) {
        assertThatThrownBy(() -> connect(port, password)).isInstanceOf(SQLException.class);
    }

    private static void assertAccepted(int port, String password) throws SQLException {
        try (Connection connection = connect(port, password)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
    }
}
