package io.mercato.runtime.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Mercato keeps its data and how the embedded database is run.
 *
 * @param dataDir the directory holding the embedded database and the search index
 * @param embeddedPort a fixed port for the embedded PostgreSQL, or 0 for any free port
 * @param poolSize connections in the pool
 */
@ConfigurationProperties("mercato")
record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int embeddedPort,
        @DefaultValue("20") int poolSize) {
}
