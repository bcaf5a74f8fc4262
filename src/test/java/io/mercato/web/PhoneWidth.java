package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/** Opens a page at a phone's size (390 × 844) and fails when it scrolls sideways; the window is put back after. */
final class PhoneWidth {

    private PhoneWidth() {
    }

    static void fits(Browser browser, String path) {
        var window = browser.driver().manage().window();
        Dimension before = window.getSize();
        window.setSize(new Dimension(390, 844));
        try {
            browser.open(path);
            Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).longValue()).as("%s is wider than a phone by", path).isLessThanOrEqualTo(0);
        } finally {
            window.setSize(before);
        }
    }
}
