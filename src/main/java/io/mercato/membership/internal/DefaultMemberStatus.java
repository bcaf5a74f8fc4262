package io.mercato.membership.internal;

import io.mercato.pricing.MemberStatus;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Answers pricing's question for member prices: a buyer is a member while one of their 88VIP terms covers the instant. */
@Component
class DefaultMemberStatus implements MemberStatus {

    private final Terms terms;

    DefaultMemberStatus(Terms terms) {
        this.terms = terms;
    }

    @Override
    public boolean isMember(long buyerAccountId, Instant at) {
        return terms.coversAt(buyerAccountId, at);
    }
}
