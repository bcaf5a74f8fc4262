package io.mercato.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.platform.Actor;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator reads an account holder's statement exactly as the holder reads it; nobody else may. */
@MercatoTest
class EscrowStatementIT {

    @LocalServerPort
    int port;

    @Autowired
    Escrow escrow;

    MarketFixture market;
    Actor operator;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
        operator = new Actor(market.accountId(market.operator()), Role.OPERATOR);
    }

    @Test
    void anOperatorSeesTheStatementsOfABuyerAndASellerAsTheyDo() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(200), 3_000, 10);
        Api buyerApi = market.buyer(10_000);
        market.paidOrder(buyerApi, sku, 1);
        Actor buyer = new Actor(market.accountId(buyerApi), Role.BUYER);
        Actor sellerActor = new Actor(market.accountId(seller.api()), Role.SELLER);

        assertThat(escrow.statementOf(operator, buyer.accountId(), 50)).hasSize(2)
                .isEqualTo(escrow.statement(buyer, 50));
        assertThat(escrow.statementOf(operator, sellerActor.accountId(), 50)).hasSize(1)
                .isEqualTo(escrow.statement(sellerActor, 50));
        assertThat(escrow.statementOf(operator, buyer.accountId(), 1)).extracting(Posting::kind)
                .containsExactly("ORDER_PAYMENT");
    }

    @Test
    void anOperatorsOwnAccountHoldsNoWalletBalanceOrEscrow() {
        assertThat(escrow.statementOf(operator, operator.accountId(), 50)).isEmpty();
    }

    @Test
    void buyersAndSellersCannotReadSomeoneElsesStatement() {
        Api buyerApi = market.buyer(1_000);
        long buyerId = market.accountId(buyerApi);
        long sellerId = market.accountId(market.seller("TAOBAO").api());

        assertThatThrownBy(() -> escrow.statementOf(new Actor(sellerId, Role.SELLER), buyerId, 50))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("seller:" + sellerId);
        assertThatThrownBy(() -> escrow.statementOf(new Actor(buyerId, Role.BUYER), buyerId, 50))
                .isInstanceOf(ForbiddenException.class);
    }
}
