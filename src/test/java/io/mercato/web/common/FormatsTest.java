package io.mercato.web.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FormatsTest {

    private final Formats formats = new Formats("Asia/Shanghai");

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void moneyShowsTheSymbolAndEveryMinorUnit() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.money(129_900, "CNY")).isEqualTo("¥1,299.00");
        assertThat(formats.money(5, "USD")).isEqualTo("$0.05");
        assertThat(formats.money(-1_250, "EUR")).isEqualTo("-€12.50");
        assertThat(formats.money(1_500, "JPY")).isEqualTo("JP¥1,500");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(formats.money(129_900, "CNY")).isEqualTo("¥1,299.00");
    }

    @Test
    void typedAmountsBecomeMinorUnitsOrAreRefused() {
        assertThat(Formats.parseMinor("129.9", "CNY")).isEqualTo(12_990);
        assertThat(Formats.parseMinor(" 1,299 ", "CNY")).isEqualTo(129_900);
        assertThat(Formats.parseMinor("1500", "JPY")).isEqualTo(1_500);
        assertThatThrownBy(() -> Formats.parseMinor("1.234", "CNY")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Formats.parseMinor("abc", "CNY")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void datesFollowTheReadersLocaleInTheMarketplaceZone() {
        Instant instant = Instant.parse("2026-11-11T00:30:00Z");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.dateTime(instant)).startsWith("Nov 11, 2026").contains("8:30");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(formats.dateTime(instant)).startsWith("2026年11月11日").contains("08:30");
    }

    @Test
    void placeholderTilesShowTheChineseNounOrInitials() {
        assertThat(formats.initials("Anker Fast Charger T113 Anker快充充电器")).isEqualTo("快充充电器");
        assertThat(formats.initials("rose hand cream")).isEqualTo("RH");
    }
}
