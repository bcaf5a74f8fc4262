import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives bench/dashboards a history far larger than the simulator reaches: it writes the facts that the order events
 * of {@code --orders} orders would have written (a PLACED and a PAID fact each, under keys of their own), placed by
 * {@code --buyers} buyers over the last {@code --days} days, in the six store kinds, into the insights module's
 * unfolded facts, and then waits while the platform's own fold rolls them up, printing progress. Nothing but the
 * facts is written: the daily tables, the buyer tables and the buyer figures are the fold's work. Deterministic: the
 * n-th order's buyer, day, kind and amount are functions of n.
 *
 * Options: --jdbc URL, --password P, --orders N, --buyers N, --days N.
 */
public class HistoryLoad {

    private static final int CHUNK = 500_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long orders = Long.parseLong(o.getOrDefault("orders", "10000000"));
        long buyers = Long.parseLong(o.getOrDefault("buyers", "2000000"));
        int days = Integer.parseInt(o.getOrDefault("days", "730"));
        try (Connection db = DriverManager.getConnection(o.get("jdbc"), "postgres", o.get("password"))) {
            long started = System.nanoTime();
            // Buyer ids far above the platform's own accounts; order ids likewise. A multiplicative hash spreads each
            // buyer's orders over the whole span, so most buyers come back in later months (retention, annual actives).
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO insights.facts (event_key, kind, order_id, day, segment, currency, buyer_id,
                                                amount_minor, orders)
                        SELECT k.prefix || (8000000000 + g), k.kind, 8000000000 + g,
                               (now() AT TIME ZONE 'Asia/Shanghai')::date - ((g * 2654435761) % ?)::int,
                               (ARRAY['TAOBAO','TAOBAO','TAOBAO','TMALL','TMALL','SUPERMARKET','LOCAL','GLOBAL',
                                      'WHOLESALE'])[1 + (g % 9)],
                               'CNY', 9000000000 + (g * 40503) % ?, 1000 + (g * 7919) % 60000, 1
                        FROM generate_series(?::bigint, ?::bigint) g,
                             (VALUES ('history-placed:', 'PLACED'), ('history-paid:', 'PAID')) AS k(prefix, kind)""")) {
                for (long from = 1; from <= orders; from += CHUNK) {
                    long to = Math.min(orders, from + CHUNK - 1);
                    insert.setInt(1, days);
                    insert.setLong(2, buyers);
                    insert.setLong(3, from);
                    insert.setLong(4, to);
                    insert.executeUpdate();
                    System.out.printf("[history] facts of %,d of %,d orders written (%.0f s)%n", to, orders,
                            (System.nanoTime() - started) / 1e9);
                }
            }
            double written = (System.nanoTime() - started) / 1e9;
            long left;
            do {
                Thread.sleep(5_000);
                try (ResultSet rs = db.createStatement().executeQuery(
                        "SELECT count(*) FROM insights.unfolded")) {
                    rs.next();
                    left = rs.getLong(1);
                }
                System.out.printf("[history] %,d facts left to fold (%.0f s)%n", left,
                        (System.nanoTime() - started) / 1e9);
            } while (left > 0);
            double folded = (System.nanoTime() - started) / 1e9 - written;
            try (ResultSet rs = db.createStatement().executeQuery("""
                    SELECT (SELECT sum(paid_orders) FROM insights.daily_sales), (SELECT count(*) FROM insights.buyers),
                           (SELECT count(*) FROM insights.buyer_months)""")) {
                rs.next();
                System.out.printf("[history] folded in %.0f s (%.0f facts/s): %,d paid orders, %,d buyers, %,d buyer-months%n",
                        folded, 2 * orders / folded, rs.getLong(1), rs.getLong(2), rs.getLong(3));
                System.out.printf("HISTORY orders=%d buyers=%d written_s=%.0f folded_s=%.0f%n", rs.getLong(1),
                        rs.getLong(2), written, folded);
            }
        }
    }
}
