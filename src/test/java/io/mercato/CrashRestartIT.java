package io.mercato;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The platform as operators run it, in a JVM of its own, killed with SIGKILL in the middle of a checkout-and-pay
 * load and started again on the same data directory: it must come back by itself (the PostgreSQL the killed JVM
 * left running is stopped first) and have kept every order it acknowledged, with stock and ledger to match.
 */
class CrashRestartIT {

    private static final int BUYERS = 4;
    private static final long STOCK = 100_000;
    private static final long PRICE = 1_000;
    private static final long TOP_UP = 5_000_000;
    /** Generous, for a shared build machine: a stuck restart shows up as the child exiting, well before this. */
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);

    private final Path dataDir = Path.of("target/test-data/crash-" + UUID.randomUUID()).toAbsolutePath();
    private final List<Process> children = new ArrayList<>();
    private final Map<Process, Integer> ports = new HashMap<>();

    /** What the platform acknowledged: 201 to the checkout, then perhaps 200 to the payment. */
    enum Acknowledged { PLACED, PAYING, PAID }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aKilledPlatformStartsAgainWithEveryAcknowledgedOrder() throws Exception {
        Process first = start("first");
        MarketFixture market = new MarketFixture(awaitHealthy(first));
        MarketFixture.Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), PRICE, STOCK);
        List<Api> buyers = Stream.generate(() -> market.buyer(TOP_UP)).limit(BUYERS).toList();

        Map<Long, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        Map<Long, Integer> buyerOfOrder = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int b = 0; b < BUYERS; b++) {
            int buyer = b;
            load.add(Thread.ofPlatform().name("load-" + b).start(() -> {
                for (int n = 0; !killed.get(); n++) {
                    try {
                        Api.Response placed = market.checkout(buyers.get(buyer), sku, 1);
                        if (placed.status() != 201) {
                            continue;
                        }
                        long order = placed.json().get("orders").get(0).get("id").asLong();
                        buyerOfOrder.put(order, buyer);
                        // Every fourth order stays unpaid, so the restart must also keep reservations.
                        if (n % 4 == 3) {
                            acknowledged.put(order, Acknowledged.PLACED);
                            continue;
                        }
                        acknowledged.put(order, Acknowledged.PAYING);
                        if (buyers.get(buyer).create("/api/v1/orders/" + order + "/payment", null).status() == 200) {
                            acknowledged.put(order, Acknowledged.PAID);
                        }
                    } catch (IllegalStateException connectionLost) {
                        return;
                    }
                }
            }));
        }
        long loadUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (acknowledged.size() < 60 && System.nanoTime() < loadUntil) {
            Thread.sleep(50);
        }
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        killed.set(true);
        for (Thread thread : load) {
            thread.join(Duration.ofSeconds(40));
        }
        assertThat(acknowledged).as("orders acknowledged before the kill").isNotEmpty();

        long restarting = System.nanoTime();
        Process second = start("second");
        int port = awaitHealthy(second);
        System.out.printf("Restart after SIGKILL healthy in %d ms with %d acknowledged orders%n",
                (System.nanoTime() - restarting) / 1_000_000, acknowledged.size());
        MarketFixture after = new MarketFixture(port);

        Map<Long, JsonNode> found = new HashMap<>();
        Map<Integer, Long> paidByBuyer = new HashMap<>();
        long unitsHeld = 0;
        long paidTotal = 0;
        for (int b = 0; b < BUYERS; b++) {
            Api buyer = after.anonymous().as(buyers.get(b).token());
            List<JsonNode> orders = ordersOf(buyer);
            long unacknowledged = 0;
            for (JsonNode order : orders) {
                long id = order.get("id").asLong();
                assertThat(found.put(id, order)).as("order %d listed once", id).isNull();
                String status = order.get("status").asString();
                long units = 0;
                for (JsonNode line : order.get("lines")) {
                    units += line.get("quantity").asLong();
                }
                if (status.equals("PAID")) {
                    paidByBuyer.merge(b, order.get("totalMinor").asLong(), Long::sum);
                    paidTotal += order.get("totalMinor").asLong();
                }
                if (status.equals("PAID") || status.equals("AWAITING_PAYMENT")) {
                    unitsHeld += units;
                }
                if (!acknowledged.containsKey(id)) {
                    unacknowledged++;
                }
            }
            assertThat(unacknowledged).as("orders of buyer %d placed while the platform died, unacknowledged", b)
                    .isLessThanOrEqualTo(1);
            assertThat(after.walletBalance(buyer)).as("wallet of buyer %d", b)
                    .isEqualTo(TOP_UP - paidByBuyer.getOrDefault(b, 0L));
        }
        acknowledged.forEach((id, ack) -> {
            assertThat(found).as("acknowledged order %d (%s)", id, ack).containsKey(id);
            String status = found.get(id).get("status").asString();
            switch (ack) {
                case PAID -> assertThat(status).as("order %d", id).isEqualTo("PAID");
                case PLACED -> assertThat(status).as("order %d", id).isEqualTo("AWAITING_PAYMENT");
                case PAYING -> assertThat(status).as("order %d", id).isIn("AWAITING_PAYMENT", "PAID");
            }
        });
        assertThat(after.available(sku)).as("units available").isEqualTo(STOCK - unitsHeld);
        Api sellerAgain = after.anonymous().as(seller.api().token());
        assertThat(after.sellerBalance(sellerAgain, "ESCROW")).as("seller's escrow").isEqualTo(paidTotal);
        JsonNode trialBalance = after.operator().get("/api/v1/operator/ledger/trial-balance").json();
        trialBalance.properties().forEach(sum -> assertThat(sum.getValue().asLong())
                .as("trial balance in %s", sum.getKey()).isZero());
    }

    private static List<JsonNode> ordersOf(Api buyer) {
        List<JsonNode> orders = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Response response = buyer.get("/api/v1/orders?size=100&page=" + page);
            assertThat(response.status()).as("orders: %s", response).isEqualTo(200);
            if (response.json().isEmpty()) {
                return orders;
            }
            response.json().forEach(orders::add);
        }
    }

    /** The platform in a JVM of its own, on this test's data directory, logging to {@code <data>/<name>.log}. */
    private Process start(String name) throws IOException {
        Files.createDirectories(dataDir);
        int port = freePort();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path log = dataDir.resolve(name + ".log");
        Process child = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
                "io.mercato.MercatoApplication", "--mercato.data-dir=" + dataDir, "--server.port=" + port,
                "--mercato.demo.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        children.add(child);
        ports.put(child, port);
        return child;
    }

    /** Waits for the child's health to be UP and returns its port; fails with the tail of its log otherwise. */
    private int awaitHealthy(Process child) throws Exception {
        String name = children.indexOf(child) == 0 ? "first" : "second";
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
        throw new AssertionError("The " + name + " start on " + dataDir + " did not become healthy within "
                + HEALTHY_WITHIN.toSeconds() + " s (" + (child.isAlive() ? "still running" : "exited "
                + child.exitValue()) + "); its log ends:\n" + tail(dataDir.resolve(name + ".log")));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * This JVM's class path without the test classes (their configurations would be scanned into the child),
     * with Surefire's manifest-only jar opened up.
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

    /** Stops the children, and any PostgreSQL still serving this test's data directory. */
    @AfterEach
    void stopEverything() throws Exception {
        for (Process child : children) {
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
                .ifPresent(orphan -> {
                    orphan.destroy();
                    orphan.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> orphan).join();
                });
    }
}
