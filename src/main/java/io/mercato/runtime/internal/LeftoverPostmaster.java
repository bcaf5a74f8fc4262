package io.mercato.runtime.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL that a previous run left on the data directory when its JVM was killed: the server outlives the
 * JVM (pg_ctl detaches it) and keeps {@code postmaster.pid}, so a new server refuses to start. Found through that
 * file and stopped with a fast shutdown, but only when the process is a postgres server on this very directory
 * and no live JVM holds the embedded library's {@code epg-lock}.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final long pid;
    private final @Nullable String recordedDir;

    private LeftoverPostmaster(Path dataDir, long pid, @Nullable String recordedDir) {
        this.dataDir = dataDir;
        this.pid = pid;
        this.recordedDir = recordedDir;
    }

    /**
     * Stops the PostgreSQL a killed run left on {@code dataDir}, if there is one, and returns when it has exited.
     * A stale {@code postmaster.pid} (its process gone) is only logged: PostgreSQL removes it itself.
     *
     * @throws IllegalStateException when such a server is running and would not stop
     */
    static void stopIfRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            log.warn("Could not read {} ({}); leaving it to PostgreSQL", pidFile, e.toString());
            return;
        }
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            log.warn("{} does not start with a process id ('{}'); leaving it to PostgreSQL", pidFile, lines.getFirst());
            return;
        }
        new LeftoverPostmaster(dataDir, pid, lines.size() > 1 ? lines.get(1).trim() : null).stopIfRunning();
    }

    private void stopIfRunning() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(LeftoverPostmaster::running);
        if (process.isEmpty()) {
            log.info("Found a stale postmaster.pid naming pid {} in {}: a previous run did not stop cleanly, "
                    + "but that process is gone; PostgreSQL will replace the file", pid, dataDir);
            return;
        }
        String notOurs = whyNotOurServer(process.get());
        if (notOurs != null) {
            log.warn("postmaster.pid in {} names pid {}, which is running but {}; leaving it alone. If no PostgreSQL "
                    + "uses this directory any more, delete the file", dataDir, pid, notOurs);
            return;
        }
        if (heldByAnotherJvm()) {
            log.warn("PostgreSQL pid {} is running on {} and another live process holds {}: another Mercato "
                    + "instance seems to use this data directory; leaving it alone", pid, dataDir,
                    dataDir.resolve("epg-lock"));
            return;
        }
        log.warn("Found PostgreSQL pid {} still running on {} from a previous run that did not stop cleanly; "
                + "stopping it (fast shutdown) before starting", pid, dataDir);
        long started = System.nanoTime();
        if (!stopFast(process.get())) {
            // SIGTERM is PostgreSQL's smart shutdown: it waits for clients, and the killed JVM's are gone.
            log.info("Sending SIGTERM to PostgreSQL pid {}", pid);
            process.get().destroy();
        }
        if (!awaitExit(process.get())) {
            throw new IllegalStateException("PostgreSQL pid " + pid + " from a previous run still holds " + dataDir
                    + " after " + STOP_WAIT.toSeconds() + " s; stop it with 'kill -INT " + pid + "' and start again");
        }
        log.info("Stopped PostgreSQL pid {} left by the previous run ({} ms)", pid,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Why the process is not a postgres server on this data directory, or null when it is. */
    private @Nullable String whyNotOurServer(ProcessHandle process) {
        List<String> command = commandLine(process);
        if (command.isEmpty()) {
            return "its command line cannot be read";
        }
        if (!Path.of(command.getFirst()).getFileName().toString().equals("postgres")) {
            return "is not postgres (" + command.getFirst() + ")";
        }
        int d = command.indexOf("-D");
        if (d < 0 || d + 1 >= command.size() || !sameDirectory(command.get(d + 1))) {
            return "serves another data directory (" + String.join(" ", command) + ")";
        }
        if (recordedDir != null && !sameDirectory(recordedDir)) {
            return "the file records another data directory (" + recordedDir + ")";
        }
        return null;
    }

    private static List<String> commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                String raw = Files.readString(cmdline, StandardCharsets.UTF_8);
                return Arrays.stream(raw.split("\0")).filter(s -> !s.isEmpty()).toList();
            }
        } catch (IOException e) {
            log.debug("Could not read {}", cmdline, e);
        }
        ProcessHandle.Info info = process.info();
        if (info.command().isEmpty()) {
            return List.of();
        }
        return java.util.stream.Stream.concat(info.command().stream(), info.arguments().stream().flatMap(Arrays::stream))
                .toList();
    }

    private boolean sameDirectory(String other) {
        try {
            return Files.isSameFile(Path.of(other), dataDir);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether a live JVM still holds the embedded library's lock on the directory. Such locks die with their
     * process, so a killed run leaves none.
     */
    private boolean heldByAnotherJvm() {
        Path lockFile = dataDir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileLock lock = file.getChannel().tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            log.debug("Could not try {}", lockFile, e);
            return false;
        }
    }

    /**
     * Asks for a fast shutdown (rolls back open transactions, disconnects clients, writes a checkpoint): with the
     * server's own {@code pg_ctl stop -m fast}, found beside its binary, else with SIGINT, which is what pg_ctl sends.
     * False when neither could be done.
     */
    private boolean stopFast(ProcessHandle process) {
        Optional<Path> pgCtl = process.info().command().map(c -> Path.of(c).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isPresent() && run(pgCtl.get().toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w",
                "-t", Long.toString(STOP_WAIT.toSeconds()))) {
            return true;
        }
        return run("kill", "-INT", Long.toString(pid));
    }

    private boolean run(String... command) {
        try {
            Process running = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!running.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                return false;
            }
            log.info("{}: exit {}{}", String.join(" ", command), running.exitValue(),
                    output.isEmpty() ? "" : ", " + output);
            return running.exitValue() == 0;
        } catch (IOException e) {
            log.info("Could not run {} ({})", command[0], e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean awaitExit(ProcessHandle process) {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!running(process) && !Files.exists(dataDir.resolve("postmaster.pid"))) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * Alive and not a zombie: an orphaned server that exits is reaped by whatever adopted it, which in a container
     * may never happen, and the JDK counts a zombie as alive.
     */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            int end = text.lastIndexOf(')');
            return end < 0 || end + 2 >= text.length() || text.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return Files.exists(stat) || process.isAlive();
        }
    }
}
