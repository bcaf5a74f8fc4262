package io.mercato.flashsale;

import io.mercato.Api;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Platforms in JVMs of their own, as operators run them (the way {@code CrashRestartIT} starts one): each on a data
 * directory under the test's, logging to {@code <dir>/<name>.log}. {@link #close()} stops them all and any embedded
 * PostgreSQL a killed one left running.
 */
final class ChildPlatforms implements AutoCloseable {

    /** Generous, for a shared build machine: a stuck start shows up as the child exiting, well before this. */
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(100);

    private final Path root;
    private final List<Process> children = new ArrayList<>();
    private final Map<Process, String> names = new HashMap<>();
    private final Map<Process, Integer> ports = new HashMap<>();
    private final List<Path> dataDirs = new ArrayList<>();

    ChildPlatforms(Path root) {
        this.root = root.toAbsolutePath();
    }

    Path dataDir(String dir) {
        return root.resolve(dir);
    }

    /** Starts a platform on {@code <root>/<dir>} with the extra arguments; returns the process (not yet healthy). */
    Process start(String name, String dir, String... arguments) throws IOException {
        Path data = dataDir(dir);
        Files.createDirectories(data);
        if (!dataDirs.contains(data)) {
            dataDirs.add(data);
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
                applicationClassPath(), "io.mercato.MercatoApplication", "--mercato.data-dir=" + data,
                "--server.port=" + port, "--server.address=127.0.0.1", "--mercato.demo.enabled=false",
                "--mercato.overload.enabled=false"));
        command.addAll(List.of(arguments));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve(name + ".log").toFile()).start();
        children.add(child);
        names.put(child, name);
        ports.put(child, port);
        return child;
    }

    /** Waits for the child's health to be UP and returns its port; fails with the tail of its log otherwise. */
    int awaitHealthy(Process child) throws Exception {
        int port = ports.get(child);
        Api api = new Api(port);
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return port;
                }
            } catch (IllegalStateException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The platform " + names.get(child) + " did not become healthy within "
                + HEALTHY_WITHIN.toSeconds() + " s (" + (child.isAlive() ? "still running" : "exited "
                + child.exitValue()) + "); its log ends:\n" + tail(root.resolve(names.get(child) + ".log")));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    /**
     * This JVM's class path without the test classes (their configurations would be scanned into the child), with
     * Surefire's manifest-only jar opened up.
     */
    private static String applicationClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && Path.of(entry).getFileName().toString().startsWith("surefirebooter")) {
                try (JarFile jar = new JarFile(entry)) {
                    for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries.stream()
                .filter(e -> !Path.of(e).endsWith(Path.of("target", "test-classes"))).toList());
    }

    /** Stops the children (the last started first), then any PostgreSQL still serving one of the data directories. */
    @Override
    public void close() throws Exception {
        for (Process child : children.reversed()) {
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (Path data : dataDirs) {
            Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                continue;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(data.toString())).orElse(false))
                    .ifPresent(orphan -> {
                        orphan.destroy();
                        orphan.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> orphan).join();
                    });
        }
    }
}
