package io.mercato.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Membership fees on the ledger: wallet → membership revenue and back, once per reference, never overdrawn. */
@MercatoTest
class MembershipFeesIT {

    private static final Currency CNY = Currency.getInstance("CNY");

    @LocalServerPort
    int port;
    @Autowired
    MembershipFees fees;
    @Autowired
    Escrow escrow;
    @Autowired
    TransactionTemplate transactions;

    private MarketFixture market;

    @BeforeEach
    void bind() {
        market = new MarketFixture(port);
    }

    private long membershipRevenue() {
        return escrow.accounts(AccountKind.MEMBERSHIP_REVENUE).stream()
                .filter(account -> account.currency().equals("CNY")).mapToLong(LedgerAccount::balanceMinor).sum();
    }

    @Test
    void aFeeMovesFromTheWalletToMembershipRevenueOncePerReference() {
        Api buyer = market.buyer(10_000);
        long buyerId = market.accountId(buyer);
        long revenueBefore = membershipRevenue();
        String reference = "test-fee:" + buyerId;

        Optional<Long> first = transactions.execute(s -> fees.charge(buyerId, Money.of(8_800, "CNY"), reference, "88VIP"));
        Optional<Long> again = transactions.execute(s -> fees.charge(buyerId, Money.of(8_800, "CNY"), reference, "88VIP"));

        assertThat(first).isPresent();
        assertThat(again).as("the same reference posts once").isEmpty();
        assertThat(fees.wallet(buyerId, CNY)).isEqualTo(Money.of(1_200, "CNY"));
        assertThat(membershipRevenue() - revenueBefore).isEqualTo(8_800);
        Posting posting = escrow.statement(new Actor(buyerId, Role.BUYER), 10).stream()
                .filter(p -> p.reference().equals(reference)).findFirst().orElseThrow();
        assertThat(posting.kind()).isEqualTo("MEMBERSHIP_FEE");
        assertThat(posting.entries()).extracting(Posting.Entry::account, e -> e.amount().minor())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(AccountKind.WALLET, -8_800L),
                        org.assertj.core.groups.Tuple.tuple(AccountKind.MEMBERSHIP_REVENUE, 8_800L));
    }

    @Test
    void aFeeTheWalletCannotCoverWritesNothing() {
        Api buyer = market.buyer(5_000);
        long buyerId = market.accountId(buyer);
        assertThatThrownBy(() -> transactions.execute(s -> fees.charge(buyerId, Money.of(8_800, "CNY"),
                "test-short:" + buyerId, "88VIP"))).isInstanceOf(ConflictException.class).hasMessageContaining("Wallet");
        assertThat(fees.wallet(buyerId, CNY)).isEqualTo(Money.of(5_000, "CNY"));
        assertThat(escrow.statement(new Actor(buyerId, Role.BUYER), 10)).extracting(Posting::kind)
                .doesNotContain("MEMBERSHIP_FEE");
    }

    @Test
    void aRefundGivesTheFeeBackOnceAndTheLedgerStaysBalanced() {
        Api buyer = market.buyer(88_800);
        long buyerId = market.accountId(buyer);
        transactions.execute(s -> fees.charge(buyerId, Money.of(88_800, "CNY"), "test-fee2:" + buyerId, "88VIP"));
        assertThat(fees.wallet(buyerId, CNY).minor()).isZero();

        List<Optional<Long>> refunds = List.of(
                transactions.execute(s -> fees.refund(buyerId, Money.of(88_800, "CNY"), "test-refund:" + buyerId, "back")),
                transactions.execute(s -> fees.refund(buyerId, Money.of(88_800, "CNY"), "test-refund:" + buyerId, "back")));

        assertThat(refunds.get(0)).isPresent();
        assertThat(refunds.get(1)).isEmpty();
        assertThat(fees.wallet(buyerId, CNY).minor()).isEqualTo(88_800);
        escrow.trialBalance().forEach((currency, sum) -> assertThat(sum).as("trial balance in %s", currency).isZero());
    }

    @Test
    void amountsMustBePositive() {
        assertThatThrownBy(() -> transactions.execute(s -> fees.charge(1, Money.of(0, "CNY"), "zero", "none")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transactions.execute(s -> fees.refund(1, Money.of(-5, "CNY"), "negative", "none")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
