package io.mercato.runtime.internal;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Mercato keeps its data and how the embedded database is run.
 *
 * @param dataDir the directory holding the embedded database and the search index
 * @param embeddedPort a fixed port for the embedded PostgreSQL, or 0 for any free port
 * @param poolSize connections in the pool
 * @param embeddedSettings further server settings for the embedded PostgreSQL (name to value), for instance
 *     {@code shared_preload_libraries=pg_stat_statements} when measuring; they cannot turn durability off
 */
@ConfigurationProperties("mercato")
record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int embeddedPort,
        @DefaultValue("20") int poolSize, Map<String, String> embeddedSettings) {

    DatabaseProperties {
        embeddedSettings = embeddedSettings == null ? Map.of() : Map.copyOf(embeddedSettings);
    }
}
