package io.mercato;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The module of the test class's package with the modules whose beans it uses (Spring Modulith's
 * {@code ALL_DEPENDENCIES}), on a fresh embedded PostgreSQL with the properties of {@link MercatoTest}, without a
 * web server and without the modules it does not need. For tests that publish an event one module promises to
 * react to, and check what the reacting module shows afterwards. Test methods may take a Modulith
 * {@code Scenario} or {@code AssertablePublishedEvents} parameter; constructors are autowired.
 *
 * <p>No module uses a bean of the module that configures the database, so Modulith would leave it out: it is
 * included by name, in {@link #DATABASE_MODULE}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = MercatoModuleTest.DATABASE_MODULE,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {MercatoTest.FRESH_DATA_DIR, MercatoTest.TIMERS_OFF, MercatoTest.ROLL_UP_OFF,
        MercatoTest.DEMO_OFF})
@DirtiesContext
public @interface MercatoModuleTest {

    /**
     * The module holding the embedded PostgreSQL configuration. When it moves out of {@code platform} into the
     * {@code runtime} module, this is the line to change.
     */
    String DATABASE_MODULE = "runtime";
}
