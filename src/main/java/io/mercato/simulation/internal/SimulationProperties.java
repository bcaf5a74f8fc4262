package io.mercato.simulation.internal;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator's settings ({@code mercato.simulation.*}): the market's time zone (where its days and hours begin;
 * the console's, by default), and the demo's history: whether the demo's first start writes one, and its size.
 */
@ConfigurationProperties("mercato.simulation")
record SimulationProperties(@DefaultValue("Asia/Shanghai") String timeZone,
        @DefaultValue DemoHistory demoHistory) {

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The demo's history: a few weeks of a small market, ending yesterday. */
    record DemoHistory(@DefaultValue("true") boolean enabled, @DefaultValue("20261111") long seed,
            @DefaultValue("40") int consumers, @DefaultValue("8") int merchants, @DefaultValue("28") int days,
            @DefaultValue("2") int parallelism, @DefaultValue("3") double intensity) {
    }
}
