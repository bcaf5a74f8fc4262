package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The console's insights dashboards and quarterly results in a real browser, in English and Chinese, on a phone too. */
@MercatoTest
class InsightsPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    private static String fetch(String path) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));", path);
    }

    @Test
    void anOperatorReadsTrendsSegmentsCohortsAndTheFunnelAndExportsEachTable() {
        Merchant seller = market.signUpSeller("insights-seller", "TAOBAO");
        Member buyer = market.signUpBuyer("insights-buyer", 100_000);
        long sku = market.listedSku(seller.store(), market.category(0), 10_000, 10);
        market.paidOrder(buyer.api(), sku, 2);

        market.logInAsOperator();
        browser.open("/ops");
        assertThat(browser.text("#kpi-orders")).isNotEqualTo("0");
        browser.clickAndWait("#nav-insights");
        assertThat(browser.path()).startsWith("/ops/insights");
        assertThat(browser.text("h1")).isEqualTo("Insights");
        for (String chart : new String[] {"#chart-trend", "#chart-mix", "#chart-cohorts", "#chart-funnel"}) {
            assertThat(browser.find(chart + " canvas")).as(chart).isNotNull();
        }
        assertThat(browser.text("#segment-TAOBAO")).as("Taobao has paid orders").matches("Taobao [1-9].*");
        assertThat(browser.text("#funnel-paid")).isNotEqualTo("0");

        browser.open("/ops/insights?days=30&grain=MONTH&segment=TAOBAO");
        assertThat(browser.find("#grain option[value='MONTH']").isSelected()).isTrue();
        assertThat(browser.all("#kpi-table .kpi-row")).hasSizeBetween(1, 2);

        String kpis = fetch("/ops/insights/export/kpis.csv?days=7&grain=DAY");
        assertThat(kpis.lines().findFirst().orElseThrow()).contains("Period").contains("GMV").contains("Take rate")
                .contains("Merchants paying for ads per day");
        assertThat(browser.text("#kpi-table tr:first-child")).contains("Merchants paying for ads per day");
        assertThat(kpis.lines().count()).isEqualTo(8);
        assertThat(fetch("/ops/insights/export/segments.csv?days=7")).contains("Taobao").contains("Adjusted profit");
        assertThat(fetch("/ops/insights/export/cohorts.csv")).contains("Cohort");
        assertThat(fetch("/ops/insights/export/funnel.csv")).contains("Visitors");

        browser.open("/ops/insights?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("经营分析");
        assertThat(browser.text("#segment-TMALL")).contains("天猫");
        assertThat(fetch("/ops/insights/export/segments.csv?days=7")).contains("淘宝").contains("经调整利润");
        browser.open("/ops/insights?grain=FORTNIGHT");
        assertThat(browser.text("main")).contains("FORTNIGHT").doesNotContain("Exception");
        browser.open("/ops/insights?lang=en");

        market.logIn(seller);
        browser.open("/ops/insights");
        assertThat(browser.all("#kpi-table")).as("a seller never sees the platform's numbers").isEmpty();
    }

    @Test
    void theQuarterlyResultsShowHeadlinesWithGrowthSegmentsAndTheCostModelInBothLanguages() {
        market.logInAsOperator();
        browser.open("/ops");
        browser.clickAndWait("#nav-quarter");
        assertThat(browser.path()).startsWith("/ops/insights/quarter");
        assertThat(browser.text("#quarter-heading")).startsWith("Results for the quarter");
        assertThat(browser.text("#headline-gmv")).contains("GMV").contains("YoY").contains("QoQ");
        assertThat(browser.all("#segment-table tr")).hasSize(7);
        assertThat(browser.text("#cost-model")).contains("Supermarket").contains("8500");
        assertThat(browser.all("#quarter-kpis tr:first-child th")).hasSize(4);
        assertThat(fetch("/ops/insights/quarter/export/headlines.csv")).contains("GMV").contains("YoY");
        assertThat(fetch("/ops/insights/quarter/export/kpis.csv")).contains("Period");

        browser.open("/ops/insights/quarter?lang=zh-CN");
        assertThat(browser.text("#quarter-heading")).endsWith("季度业绩");
        assertThat(browser.text("#headline-gmv")).contains("同比").contains("环比");
        browser.open("/ops/insights/quarter?quarter=2026Q9");
        assertThat(browser.text("main")).contains("2026Q9").contains("YYYYQn");

        WebDriver.Window window = browser.driver().manage().window();
        Dimension before = window.getSize();
        try {
            window.setSize(new Dimension(390, 844));
            for (String page : new String[] {"/ops/insights?lang=en", "/ops/insights/quarter", "/ops"}) {
                browser.open(page);
                long overflow = (Long) ((JavascriptExecutor) browser.driver())
                        .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                assertThat(overflow).as("%s fits a phone's width", page).isLessThanOrEqualTo(0);
            }
        } finally {
            window.setSize(before);
        }
    }
}
