package io.mercato.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases CrashRestartIT does not reach: files that name no server of ours are left to PostgreSQL. */
class LeftoverPostmasterTest {

    @TempDir
    Path dataDir;

    @Test
    void aDirectoryWithoutPidFileIsLeftAsItIs() {
        assertThatCode(() -> LeftoverPostmaster.stopIfRunning(dataDir)).doesNotThrowAnyException();
    }

    @Test
    void aStalePidFileIsLeftToPostgresql() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path pidFile = writePidFile(gone.pid());

        LeftoverPostmaster.stopIfRunning(dataDir);

        assertThat(pidFile).exists();
    }

    @Test
    void aLiveProcessThatIsNoPostgresIsNeverStopped() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            writePidFile(sleeper.pid());

            LeftoverPostmaster.stopIfRunning(dataDir);

            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void anUnreadablePidFileIsLeftToPostgresql() throws Exception {
        Files.writeString(dataDir.resolve("postmaster.pid"), "not a pid\n");

        assertThatCode(() -> LeftoverPostmaster.stopIfRunning(dataDir)).doesNotThrowAnyException();
    }

    private Path writePidFile(long pid) throws Exception {
        return Files.writeString(dataDir.resolve("postmaster.pid"),
                pid + "\n" + dataDir + "\n1764700000\n5432\n/tmp\nlocalhost\n  5432001         0\nready   \n");
    }
}
