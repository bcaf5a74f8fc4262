package io.mercato.overload.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mercato.overload.*}. Per client means per signed-in account, or per address for anonymous callers.
 *
 * @param enabled off turns every guard off
 * @param readsPerClient GET requests per second per client (a token bucket refilled every second)
 * @param writesPerClient other requests per second per client
 * @param attemptsPerClient flash-sale attempts per second per client
 * @param anonymousFactor anonymous callers share an address (a campus, a carrier's NAT): their limits are this many
 *        times a signed-in client's
 * @param carrierEventsPerSecond tracking events per second from one carrier code at one address (a carrier's feed is
 *        machine traffic, signed per event, many times a person's rate; keyed by address too, so that a stranger
 *        posting under a carrier's code cannot use up the carrier's budget)
 * @param carrierInFlight tracking events in flight at once (they wait for their group commit, cheaply)
 * @param browseInFlight requests in flight at once: browsing (GET)
 * @param checkoutInFlight checkouts and payments
 * @param flashInFlight flash-sale attempts (they wait for their group, cheaply)
 * @param writeInFlight every other write
 * @param slowCall a request slower than this counts as slow
 * @param slowShare when this share (percent) of the last {@code window} requests of a kind were slow, that kind is
 *        shed for {@code shedFor}, then let through on trial
 */
@ConfigurationProperties("mercato.overload")
record OverloadProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100") int readsPerClient,
        @DefaultValue("100") int writesPerClient, @DefaultValue("10") int attemptsPerClient,
        @DefaultValue("5") int anonymousFactor, @DefaultValue("20000") int carrierEventsPerSecond,
        @DefaultValue("256") int carrierInFlight, @DefaultValue("128") int browseInFlight,
        @DefaultValue("48") int checkoutInFlight, @DefaultValue("512") int flashInFlight,
        @DefaultValue("64") int writeInFlight, @DefaultValue("5s") Duration slowCall,
        @DefaultValue("90") int slowShare, @DefaultValue("100") int window, @DefaultValue("2s") Duration shedFor) {
}
