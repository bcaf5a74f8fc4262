package io.mercato.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.http.Wording;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;

/** History notes and ledger memos the platform wrote are shown in the reader's language; other words as written. */
class StoredWordsTest {

    private final StoredWords words = new StoredWords(new Wording(bundles(),
            new StaticListableBeanFactory().getBeanProvider(LocaleResolver.class)));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void thePlatformsOwnNotesAreSaidInChinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(words.note("paid from wallet")).isEqualTo("已用钱包付款");
        assertThat(words.note("not paid within 30 minutes")).isEqualTo("30 分钟内未付款");
        assertThat(words.note("return approved: refund 12 (25.00 CNY)")).isEqualTo("同意退货：退款 12（25.00 CNY）");
        assertThat(words.memo("Payment of order 42 into escrow")).isEqualTo("订单 42 的付款转入担保账户");
        assertThat(words.memo("Settlement of order 42: 95.00 CNY to merchant, fee 5.00 CNY"))
                .isEqualTo("订单 42 结算：95.00 CNY 给商家，服务费 5.00 CNY");
    }

    @Test
    void inEnglishTheyReadAsTheyWereStoredAndOtherWordsAreLeftAlone() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(words.note("return approved: refund 12 (25.00 CNY)")).isEqualTo("return approved: refund 12 (25.00 CNY)");
        assertThat(words.memo("Refund 7 of the platform's own settled order 9"))
                .isEqualTo("Refund 7 of the platform's own settled order 9");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(words.note("SF Express SF1234567890")).isEqualTo("SF Express SF1234567890");
        assertThat(words.note("颜色不对")).isEqualTo("颜色不对");
        assertThat(words.note(null)).isNull();
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
