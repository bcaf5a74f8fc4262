package io.mercato.pricing;

import java.time.Instant;

/**
 * Whether a buyer holds a paid membership (88VIP) at an instant, which member prices depend on. Pricing declares
 * it and the membership module answers it, so that pricing never depends on membership. With no implementation
 * present, nobody is a member.
 */
public interface MemberStatus {

    boolean isMember(long buyerAccountId, Instant at);
}
