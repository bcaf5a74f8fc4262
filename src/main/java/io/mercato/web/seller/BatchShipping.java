package io.mercato.web.seller;

import io.mercato.http.Wording;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ships many orders from a CSV of {@code order_id,carrier,tracking_number}. Every row is checked before anything is
 * applied (the order is the seller's, paid and not yet shipped, named once, with a carrier and a tracking number);
 * if any row is refused nothing is shipped and the report names each refused row and why. Then all rows ship in one
 * transaction, so a refusal that only shows while shipping (another tab shipped an order) also leaves nothing
 * half-applied.
 */
@Component
final class BatchShipping {

    static final int MAX_ROWS = 1_000;
    static final String HEADER = "order_id,carrier,tracking_number";

    /** The tracking numbers ordering accepts; checked here too so that the report lists every bad row at once. */
    private static final java.util.regex.Pattern TRACKING = java.util.regex.Pattern.compile("[A-Za-z0-9-]{6,40}");

    private final OrderLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final Wording wording;

    BatchShipping(OrderLifecycle lifecycle, TransactionTemplate transactions, Wording wording) {
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.wording = wording;
    }

    /** One refused row: its line number in the file, its text and why. */
    record Refused(int line, String text, String reason) {
    }

    /** What happened: the orders shipped (none when any row was refused) and the rows refused. */
    record Report(List<Long> shipped, List<Refused> refused) {

        public boolean applied() {
            return refused.isEmpty() && !shipped.isEmpty();
        }
    }

    private record Row(int line, String text, long orderId, String carrier, String tracking) {
    }

    Report ship(Actor seller, String csv) {
        String[] lines = csv.replace("\uFEFF", "").split("\\R");
        List<Refused> refused = new ArrayList<>();
        if (lines.length == 0 || !lines[0].strip().replace(" ", "").equalsIgnoreCase(HEADER)) {
            refused.add(new Refused(1, lines.length == 0 ? "" : lines[0], wording.of(Text.of("workbench.ship.header", HEADER))));
            return new Report(List.of(), refused);
        }
        if (lines.length > MAX_ROWS + 1) {
            refused.add(new Refused(MAX_ROWS + 2, "", wording.of(Text.of("workbench.ship.tooMany", MAX_ROWS))));
            return new Report(List.of(), refused);
        }
        List<Row> rows = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String text = lines[i];
            if (text.isBlank()) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (cells.length != 3) {
                refused.add(new Refused(i + 1, text, wording.of(Text.of("workbench.ship.columns", cells.length))));
                continue;
            }
            String id = cells[0].strip().startsWith("#") ? cells[0].strip().substring(1) : cells[0].strip();
            String carrier = cells[1].strip();
            String tracking = cells[2].strip();
            if (!id.matches("[0-9]{1,18}")) {
                refused.add(new Refused(i + 1, text, wording.of(Text.of("workbench.ship.orderId", cells[0].strip()))));
                continue;
            }
            long orderId = Long.parseLong(id);
            if (carrier.isEmpty() || carrier.length() > 100 || tracking.isEmpty() || tracking.length() > 100) {
                refused.add(new Refused(i + 1, text, wording.of(Text.of("workbench.ship.blank"))));
                continue;
            }
            if (!TRACKING.matcher(tracking).matches()) {
                refused.add(new Refused(i + 1, text, wording.of(Text.of("workbench.ship.tracking", tracking))));
                continue;
            }
            if (!seen.add(orderId)) {
                refused.add(new Refused(i + 1, text, wording.of(Text.of("workbench.ship.twice", String.valueOf(orderId)))));
                continue;
            }
            try {
                OrderView order = lifecycle.order(seller, orderId);
                if (order.sellerAccountId() != seller.accountId() || order.status() != OrderStatus.PAID) {
                    refused.add(new Refused(i + 1, text, wording.of(Text.of("workbench.ship.notPaid", String.valueOf(orderId)))));
                    continue;
                }
            } catch (DomainException e) {
                refused.add(new Refused(i + 1, text, wording.of(Text.of("workbench.ship.notYours", String.valueOf(orderId)))));
                continue;
            }
            rows.add(new Row(i + 1, text, orderId, carrier, tracking));
        }
        if (!refused.isEmpty()) {
            return new Report(List.of(), refused);
        }
        Row[] current = new Row[1];
        try {
            transactions.executeWithoutResult(status -> {
                for (Row row : rows) {
                    current[0] = row;
                    lifecycle.ship(seller, row.orderId(), row.carrier(), row.tracking());
                }
            });
        } catch (DomainException e) {
            Row row = current[0];
            return new Report(List.of(), List.of(new Refused(row.line(), row.text(), wording.of(e))));
        }
        return new Report(rows.stream().map(Row::orderId).toList(), List.of());
    }
}
