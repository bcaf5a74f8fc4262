package io.mercato.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The embedded PostgreSQL's superuser password, generated on the first start and kept in
 * {@code <data-dir>/postgres.password}, readable by its owner only; and the switch of a cluster that still trusts
 * every local connection (one created before passwords) to {@code scram-sha-256}.
 */
final class SuperuserPassword {

    static final String USER = "postgres";
    static final String FILE_NAME = "postgres.password";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    // An authentication method of "trust" at the end of a pg_hba.conf line that is not a comment.
    private static final Pattern TRUST = Pattern.compile("(?m)^(\\s*(?:local|host\\w*)\\s.*\\s)trust(\\s*)$");

    private final Path file;

    private SuperuserPassword(Path file) {
        this.file = file;
    }

    /** The password file of the data directory (the parent of the cluster's own directory). */
    static SuperuserPassword in(Path dataDir) {
        return new SuperuserPassword(dataDir.resolve(FILE_NAME).toAbsolutePath());
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The stored password, made and stored first if there is none; the file is left owner-only either way. */
    String readOrCreate() throws IOException {
        if (!exists()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path fresh = Files.createTempFile(file.getParent(), FILE_NAME, ".new");
            restrictToOwner(fresh);
            Files.writeString(fresh, password + "\n", StandardCharsets.UTF_8);
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
        }
        restrictToOwner(file);
        return read();
    }

    /** The stored password; fails naming the file when it is missing or empty. */
    String read() throws IOException {
        if (!exists()) {
            throw new IllegalStateException("The embedded PostgreSQL's password file " + file + " is missing, but its "
                    + "pg_hba.conf asks for a password. Restore the file from a backup, or set the method of the "
                    + "'local' and 'host' lines in pg_hba.conf back to 'trust' once: the next start sets a new "
                    + "password and switches back to scram-sha-256.");
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("The embedded PostgreSQL's password file " + file + " is empty");
        }
        return password;
    }

    /** True when the cluster in {@code pgData} lets some local connection in without a password. */
    static boolean trusts(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        return Files.isRegularFile(hba) && TRUST.matcher(Files.readString(hba, StandardCharsets.UTF_8)).find();
    }

    /**
     * Gives the superuser of a running cluster that still trusts local connections this password (sent as a
     * SCRAM verifier, never in clear text), then makes every {@code trust} line of its pg_hba.conf ask for
     * {@code scram-sha-256} and reloads the configuration. Safe to repeat if a start stopped half-way.
     */
    static void switchToScram(DataSource trusted, Path pgData, int port, String password)
            throws IOException, SQLException, InterruptedException {
        try (Connection connection = trusted.getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
            Path hba = pgData.resolve("pg_hba.conf");
            Matcher trust = TRUST.matcher(Files.readString(hba, StandardCharsets.UTF_8));
            Path rewritten = pgData.resolve("pg_hba.conf.new");
            Files.writeString(rewritten, trust.replaceAll("$1scram-sha-256$2"), StandardCharsets.UTF_8);
            restrictToOwner(rewritten);
            Files.move(rewritten, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (var reload = connection.createStatement()) {
                reload.execute("SELECT pg_reload_conf()");
            }
        }
        // The postmaster rereads pg_hba.conf when it gets to the signal: wait until it refuses a password-less login.
        for (int attempt = 0; attempt < 50 && acceptsWithoutPassword(port); attempt++) {
            Thread.sleep(100);
        }
    }

    private static boolean acceptsWithoutPassword(int port) {
        try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", USER, "")) {
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }
}
