import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives bench/simulate against a running platform over HTTP only: starts a simulation run as the operator, follows
 * its progress (a line per finished simulated day), and when it has finished reads the operator's dashboards
 * (DASHBOARD, the one list of their URLs) as a logged-in operator, timing each request, once the platform has worked
 * off the run's backlog (see settle). Prints
 * {@code RESULT days=… consumers=… orders=… orders_per_s=… dashboard_p99_ms=… wall_s=… setup_s=… settle_s=…}.
 *
 * Options: --base URL, --seed S, --consumers N, --merchants N, --days N, --parallelism N, --dashboard-requests N,
 * --operator-email E, --operator-password P. With {@code --dashboards-only true} (bench/dashboards) it starts no run
 * and only reads the dashboards, printing {@code DASHBOARDS requests=… p50_ms=… p99_ms=…}.
 */
public class SimulateBench {

    /**
     * The operator's dashboards read after the run: the console's overview (30 and 90 days), the insights dashboard
     * and the quarterly results page, all served from the insights module's roll-ups.
     */
    static final List<String> DASHBOARD = List.of("/ops?days=30", "/ops?days=90", "/ops/insights",
            "/ops/insights/quarter");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = o.getOrDefault("base", "http://127.0.0.1:8080");
        String email = o.getOrDefault("operator-email", "operator@mercato.demo");
        String password = o.getOrDefault("operator-password", "operator-demo-2026");
        int consumers = Integer.parseInt(o.getOrDefault("consumers", "100000"));
        int merchants = Integer.parseInt(o.getOrDefault("merchants", "1000"));
        int days = Integer.parseInt(o.getOrDefault("days", "90"));
        int dashboardRequests = Integer.parseInt(o.getOrDefault("dashboard-requests", "300"));
        if (Boolean.parseBoolean(o.getOrDefault("dashboards-only", "false"))) {
            double[] timed = dashboards(base, email, password, dashboardRequests);
            System.out.printf("DASHBOARDS requests=%d p50_ms=%.1f p99_ms=%.1f%n", dashboardRequests, timed[0], timed[1]);
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        String token = field(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build(), 201), "token");
        long started = System.nanoTime();
        String run = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/operator/simulations"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"bench simulate\",\"seed\":"
                        + o.getOrDefault("seed", "20261111") + ",\"consumers\":" + consumers + ",\"merchants\":"
                        + merchants + ",\"days\":" + days + ",\"parallelism\":" + o.getOrDefault("parallelism", "8") + "}"))
                .build(), 202);
        String id = field(run, "id");
        System.out.println("[sim] run " + id + ": " + consumers + " consumers, " + merchants + " merchants, " + days + " days");
        int reported = 0;
        String status;
        double setupS = -1;
        while (true) {
            Thread.sleep(1000);
            run = send(http, get(base + "/api/v1/operator/simulations/" + id, token), 200);
            status = field(run, "status");
            int done = Integer.parseInt(field(run, "daysDone"));
            if (setupS < 0 && (done > 0 || !status.equals("RUNNING"))) {
                setupS = (System.nanoTime() - started) / 1e9; // an upper bound: the first day may have finished too
            }
            if (done > reported) {
                String log = send(http, get(base + "/api/v1/operator/simulations/" + id + "/days?limit=" + (done - reported), token), 200);
                List<String> lines = new ArrayList<>(List.of(log.split("\\},\\{")));
                Collections.reverse(lines);
                for (String line : lines) {
                    System.out.println("[sim] day " + (Integer.parseInt(field(line, "dayIndex")) + 1) + " " + field(line, "day")
                            + ": orders=" + field(line, "orders") + " gmv_minor=" + field(line, "gmvMinor")
                            + " refunds=" + field(line, "refunds") + " reviews=" + field(line, "reviews")
                            + " new_buyers=" + field(line, "newBuyers") + " refused=" + field(line, "refused")
                            + " wall_ms=" + field(line, "wallMs"));
                }
                reported = done;
            }
            if (!status.equals("RUNNING")) {
                break;
            }
        }
        double wallS = (System.nanoTime() - started) / 1e9;
        if (!status.equals("FINISHED")) {
            System.out.println("[sim] the run ended " + status);
            System.exit(1);
        }
        long orders = Long.parseLong(field(run, "orders"));
        double busyS = Long.parseLong(field(run, "busyMs")) / 1000.0;
        double ordersPerS = busyS == 0 ? 0 : orders / busyS;
        System.out.printf("[sim] finished: %d orders in %.1f s of simulated days (%.1f s wall including the market's opening)%n",
                orders, busyS, wallS);

        double settledS = settle(http, base, token);
        double p99 = dashboards(base, email, password, dashboardRequests)[1];
        System.out.printf("RESULT days=%d consumers=%d orders=%d orders_per_s=%.1f dashboard_p99_ms=%.0f wall_s=%.0f setup_s=%.0f settle_s=%.0f%n",
                days, consumers, orders, ordersPerS, p99, wallS, setupS, settledS);
    }

    /** Reads the dashboards as a logged-in operator, {@code requests} times in turn; answers p50 and p99 in ms. */
    static double[] dashboards(String base, String email, String password, int dashboardRequests) throws Exception {
        // The dashboards, as an operator on the console (a session from the login form).
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String loginPage = send(browser, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), 200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(email) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("operator login on the console failed: " + login.statusCode());
        }
        for (String url : DASHBOARD) {
            send(browser, HttpRequest.newBuilder(URI.create(base + url)).GET().build(), 200); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < dashboardRequests; i++) {
            String url = DASHBOARD.get(i % DASHBOARD.size());
            long t0 = System.nanoTime();
            send(browser, HttpRequest.newBuilder(URI.create(base + url)).GET().build(), 200);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(millis);
        double p99 = millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1));
        double p50 = millis.get(millis.size() / 2);
        System.out.printf("[sim] dashboards %s: %d requests, p50 %.1f ms, p99 %.1f ms%n", DASHBOARD, millis.size(), p50, p99);
        return new double[] {p50, p99};
    }

    /**
     * Waits until the platform has worked off what the run left behind (the event deliveries the full listeners'
     * queue put off, the facts the fold has not reached), as its own gauges tell, printing them every ten seconds;
     * gives up after 30 minutes. Answers the seconds waited.
     */
    static double settle(HttpClient http, String base, String token) throws Exception {
        long started = System.nanoTime();
        long reported = 0;
        while (true) {
            String metrics = send(http, get(base + "/actuator/prometheus", token), 200);
            long incomplete = gauge(metrics, "mercato_events_incomplete");
            long unfolded = gauge(metrics, "mercato_insights_unfolded");
            double waited = (System.nanoTime() - started) / 1e9;
            if (incomplete == 0 && unfolded == 0) {
                System.out.printf("[sim] settled after %.0f s: no event delivery outstanding, every fact folded%n", waited);
                return waited;
            }
            if (waited >= reported) {
                System.out.printf("[sim] settling (%.0f s): %,d event deliveries outstanding, %,d facts to fold%n", waited,
                        incomplete, unfolded);
                reported += 10;
            }
            if (waited > 1_800) {
                System.out.println("[sim] not settled after 30 minutes; reading the dashboards anyway");
                return waited;
            }
            Thread.sleep(1_000);
        }
    }

    private static long gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([-0-9.E+]+)$").matcher(metrics);
        if (!m.find()) {
            throw new IllegalStateException("no gauge " + name + " on /actuator/prometheus");
        }
        return (long) Double.parseDouble(m.group(2));
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static String send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    /** A top-level field of a flat JSON object, as text (enough for the run's own answers). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|[-0-9.]+|null|true|false)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
