package io.mercato.web;

import io.mercato.Api;
import io.mercato.MarketFixture;
import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.context.ApplicationContext;

/**
 * The page tests' fixture: one headless chromium per test class ({@link Browser}, which skips the class when
 * chromium is missing and keeps a screenshot of a failed page) and the market's test data, both pointed at the
 * running {@code @MercatoTest} application before each test; and people who sign up through the API and then
 * log in through the browser's login page. Register it on a static field:
 * {@code @RegisterExtension static final PageFixture market = new PageFixture();}.
 */
final class PageFixture extends MarketFixture
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {

    private final Browser browser = new Browser();

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        browser.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        browser.afterAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = bindTo(context);
        browser.serve(application.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        browser.testFailed(context, cause);
    }

    Browser browser() {
        return browser;
    }

    /** Someone with an account of the role and a unique email starting with the prefix, logged in through the API. */
    Member signUp(String role, String emailPrefix) {
        String email = uniqueEmail(emailPrefix);
        return new Member(email, account(role, email));
    }

    /** A buyer whose CNY wallet holds {@code minor}. */
    Member signUpBuyer(String emailPrefix, long minor) {
        Member buyer = signUp("BUYER", emailPrefix);
        topUp(buyer.api(), minor);
        return buyer;
    }

    /** A seller with a store of the kind (a Tmall store verified by the operator). */
    Merchant signUpSeller(String emailPrefix, String storeKind) {
        Member seller = signUp("SELLER", emailPrefix);
        return new Merchant(seller.email(), new Seller(seller.api(), openStore(seller.api(), storeKind)));
    }

    /** Logs the browser in as the member through the login page, ending any other session. */
    void logIn(Member member) {
        browser.logIn(member.email(), PASSWORD);
    }

    void logIn(Merchant merchant) {
        browser.logIn(merchant.email(), PASSWORD);
    }

    void logInAsOperator() {
        browser.logIn(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    /** An account whose email and password the browser can log in with. */
    record Member(String email, Api api) {
    }

    /** A seller the browser can log in as, and their store. */
    record Merchant(String email, Seller store) {

        Api api() {
            return store.api();
        }
    }
}
