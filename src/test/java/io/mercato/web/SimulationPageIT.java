package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.web.PageFixture.Member;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The market simulator's console pages in a real browser: start a run, watch it progress day by day to its end. */
@io.mercato.MercatoTest
class SimulationPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void anOperatorStartsARunAndWatchesItsProgressBarAndDayLogUntilItFinishes() {
        market.logInAsOperator();
        browser.open("/ops");
        browser.clickAndWait("#nav-ops-simulations");
        assertThat(browser.path()).isEqualTo("/ops/simulations");
        browser.open("/ops?lang=zh-CN");
        assertThat(browser.text("#nav-ops-simulations")).isEqualTo("市场模拟");
        browser.open("/ops/simulations?lang=en");
        assertThat(browser.text("#nav-ops-simulations")).isEqualTo("Market simulator");
        browser.type("#days", "500");
        browser.clickAndWait("#start-run");
        assertThat(browser.text("#error")).isEqualTo("Days must be between 1 and 400; got 500.");
        assertThat(browser.find("#days").getDomProperty("value")).as("the form keeps what was typed").isEqualTo("500");

        browser.type("#label", "Page run");
        browser.type("#seed", "5");
        browser.type("#consumers", "150");
        browser.type("#merchants", "3");
        browser.type("#days", "3");
        browser.type("#parallelism", "2");
        browser.clickAndWait("#start-run");
        assertThat(browser.path()).matches("/ops/simulations/\\d+");
        assertThat(browser.text("h1")).isEqualTo("Simulation: Page run");
        assertThat(browser.find("#bar").getTagName()).isEqualTo("progress");

        // The progress section refreshes itself (htmx polling) until the run has finished: no reload by the test.
        new WebDriverWait(browser.driver(), Duration.ofMinutes(4)).ignoring(StaleElementReferenceException.class)
                .until(page -> page.findElements(
                By.cssSelector("#progress h2")).stream().anyMatch(h -> h.getText().equals("Finished")));
        assertThat(browser.find("#bar").getDomAttribute("value")).isEqualTo("100");
        assertThat(browser.all("#log li")).hasSize(3);
        assertThat(browser.text("#log li[data-day='2']")).startsWith("Day 3 (").contains("orders, GMV ¥");
        assertThat(browser.text("#figures")).startsWith("Day 3 of 3 finished (100%)");
        assertThat(browser.all("#resume")).as("a finished run has nothing to resume").isEmpty();

        browser.open("/ops/simulations");
        assertThat(browser.text("#runs")).contains("Page run").contains("150 consumers, 3 merchants, 3 days, seed 5")
                .contains("Finished");
        PhoneWidth.fits(browser, "/ops/simulations");
    }

    @Test
    void aBuyerNeverSeesTheSimulator() {
        Member buyer = market.signUpBuyer("sim-page-buyer", 0);
        market.logIn(buyer);
        browser.open("/ops/simulations");
        assertThat(browser.all("#start")).isEmpty();
    }
}
