package io.mercato.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.ApiJson;
import io.mercato.merchant.StoreKind;
import io.mercato.ordering.Cart.CartItem;
import io.mercato.ordering.OrderView.Line;
import io.mercato.ordering.OrderView.Transition;
import io.mercato.ordering.Refund.RefundLine;
import io.mercato.ordering.Refund.RefundStatus;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orders, refunds and cart lines carry {@link Money}; their JSON keeps the API's flat minor units and currency, each
 * field where it stood when the records held longs.
 */
class OrderJsonTest {

    static final Instant AT = Instant.parse("2026-12-02T10:15:30.123456Z");
    static final Address ADDRESS = new Address("Li Lei", "+86 138 0013 8000", "1 Wensan Road", null, "Hangzhou",
            null, null, "CN");

    @Test
    void anOrderShowsItsAmountsAfterItsStatusAndEachLineItsPriceAfterItsAttributes() {
        RefundLine refundLine = new RefundLine(7, 1, Money.of(1_000, "CNY"));
        Refund refund = new Refund(5, 1, RefundStatus.APPROVED, false, Money.of(1_000, "CNY"), "too big", AT, null,
                AT, "system", "refunded before shipment", List.of(refundLine));
        OrderView order = new OrderView(1, 2, 3, 4, StoreKind.TAOBAO, 6, OrderStatus.PAID, Money.of(3_000, "CNY"),
                Money.of(1_000, "CNY"), null, ADDRESS, null, null, AT, AT, AT, null, null, null, null,
                List.of(new Line(7, 8, 9, "Sock", Map.of("colour", "red"), Money.of(1_000, "CNY"), 3, 1, 0, 60)),
                List.of(new Transition(null, OrderStatus.AWAITING_PAYMENT, "buyer:3", AT, "placed")), List.of(refund));

        assertThat(ApiJson.write(order)).isEqualTo("""
                {"id":1,"checkoutId":2,"buyerAccountId":3,"storeId":4,"storeKind":"TAOBAO","sellerAccountId":6,\
                "status":"PAID","currency":"CNY","totalMinor":3000,"shippingMinor":0,"refundedMinor":1000,\
                "address":{"recipient":"Li Lei","phone":"+86 138 0013 8000","line1":"1 Wensan Road","city":"Hangzhou",\
                "country":"CN"},"placedAt":"2026-12-02T10:15:30.123456Z","payBy":"2026-12-02T10:15:30.123456Z",\
                "paidAt":"2026-12-02T10:15:30.123456Z",\
                "lines":[{"id":7,"skuId":8,"productId":9,"title":"Sock","attributes":{"colour":"red"},\
                "unitPriceMinor":1000,"quantity":3,"paidMinor":3000,"adjustments":[],"refundedQuantity":1,\
                "pendingRefundQuantity":0,"commissionBasisPoints":60}],\
                "history":[{"to":"AWAITING_PAYMENT","actor":"buyer:3","at":"2026-12-02T10:15:30.123456Z",\
                "note":"placed"}],\
                "refunds":[{"id":5,"orderId":1,"status":"APPROVED","returnGoods":false,"amountMinor":1000,\
                "reason":"too big","requestedAt":"2026-12-02T10:15:30.123456Z",\
                "decidedAt":"2026-12-02T10:15:30.123456Z","decidedBy":"system",\
                "decisionNote":"refunded before shipment","lines":[{"lineId":7,"quantity":1,"amountMinor":1000}]}],\
                "payableMinor":3000}""");
    }

    @Test
    void aSettledOrderShowsItsFeeAfterWhatWasRefunded() {
        OrderView order = new OrderView(1, 2, 3, 4, StoreKind.TMALL, 6, OrderStatus.COMPLETED,
                Money.of(3_000, "CNY"), Money.of(0, "CNY"), Money.of(150, "CNY"), ADDRESS, null, null, AT, AT, null,
                null, null, null, null, List.of(), List.of(), List.of());

        assertThat(ApiJson.write(order)).contains("""
                "status":"COMPLETED","currency":"CNY","totalMinor":3000,"shippingMinor":0,"refundedMinor":0,"feeMinor":150,"address":""");
    }

    @Test
    void aCartLineShowsItsPriceAndCurrencyAfterItsAttributes() {
        CartItem item = new CartItem(8, 2, 9, 4, "Sock", Map.of("colour", "red"), Money.of(1_000, "CNY"), 5, true);

        assertThat(ApiJson.write(item)).isEqualTo("""
                {"skuId":8,"quantity":2,"productId":9,"storeId":4,"title":"Sock","attributes":{"colour":"red"},\
                "unitPriceMinor":1000,"currency":"CNY","available":5,"onSale":true}""");
    }
}
