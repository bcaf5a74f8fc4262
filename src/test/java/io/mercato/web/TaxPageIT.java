package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import io.mercato.tax.CrossBorderTax;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's VAT and duties in a real browser: a pasted VAT table with a gap or a bad row is refused naming the
 * countries or the row and kept for correcting, the whole table loads and shows every state's rate; an import rule is
 * set and removed; in both languages and at a phone's width.
 */
@MercatoTest
class TaxPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Autowired
    MutableClock clock;

    private void effectiveFrom(LocalDate day) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('effectiveFrom').value = arguments[0];", day.toString());
    }

    private static String rows(boolean withFrance) {
        return CrossBorderTax.EU.stream().sorted().filter(country -> withFrance || !country.equals("FR"))
                .map(country -> country + "," + (country.equals("DE") ? "19" : country.equals("IE") ? "23.00" : "20"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void anOperatorAddsAVatTableAndAnImportRuleAndSeesRefusalsNamed() {
        LocalDate day = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().minusDays(400);
        market.logInAsOperator();
        browser.open("/ops/tax?lang=en");
        assertThat(browser.text("h1")).isEqualTo("VAT and duties");

        browser.find("#rows").clear();
        browser.type("#rows", rows(false));
        effectiveFrom(day);
        browser.clickAndWait("#add-table");
        assertThat(browser.text("#error")).contains("gaps").contains("FR");
        assertThat(browser.find("#rows").getAttribute("value")).contains("DE,19").doesNotContain("FR,");

        browser.find("#rows").clear();
        browser.type("#rows", rows(true) + "\nXX;abc");
        effectiveFrom(day);
        browser.clickAndWait("#add-table");
        assertThat(browser.text("#error")).contains("Row 28").contains("XX;abc");

        browser.find("#rows").clear();
        browser.type("#rows", rows(true));
        effectiveFrom(day);
        browser.clickAndWait("#add-table");
        assertThat(browser.text("#notice")).isEqualTo("VAT table added.");
        assertThat(browser.text("#tables")).contains("27");

        browser.type("#rule-country", "CA");
        browser.type("#rule-currency", "USD");
        browser.type("#rule-threshold", "20.00");
        browser.type("#rule-rate", "150");
        browser.clickAndWait("#save-rule");
        assertThat(browser.text("#error")).contains("duty rate");
        browser.type("#rule-country", "CA");
        browser.type("#rule-currency", "USD");
        browser.type("#rule-threshold", "20.00");
        browser.type("#rule-rate", "7.5");
        browser.clickAndWait("#save-rule");
        assertThat(browser.text("#notice")).isEqualTo("Import rule saved.");
        assertThat(browser.text("#rules tr[data-country='CA']")).contains("Every category").contains("$20.00")
                .contains("7.50 %");

        browser.open("/ops/tax?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("增值税与关税");
        assertThat(browser.text("#rules tr[data-country='CA']")).contains("所有类目");
        browser.find("#rows").clear();
        browser.type("#rows", rows(false));
        effectiveFrom(day.minusDays(1));
        browser.clickAndWait("#add-table");
        assertThat(browser.text("#error")).contains("税率表不完整").contains("FR");

        browser.open("/ops/tax?lang=en");
        browser.clickAndWait("#rules tr[data-country='CA'] .remove-rule");
        assertThat(browser.text("#notice")).isEqualTo("Import rule removed.");
        assertThat(browser.all("#rules tr[data-country='CA']")).isEmpty();

        var window = browser.driver().manage().window();
        Dimension before = window.getSize();
        window.setSize(new Dimension(390, 844));
        try {
            browser.open("/ops/tax");
            Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.querySelector('main').scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
        } finally {
            window.setSize(before);
        }
    }
}
