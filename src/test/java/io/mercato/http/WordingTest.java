package io.mercato.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.ordering.OrderStatus;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Text;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;

/** A refusal's words in either language from the project's own bundles, and in English for the logs, by one rule. */
class WordingTest {

    private final Wording wording = new Wording(bundles(), new StaticListableBeanFactory().getBeanProvider(LocaleResolver.class));

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private final Text cannotPay = Text.of("ordering.cannotOrder", Text.of("ordering.action.pay"), 12345L, OrderStatus.SHIPPED);

    @Test
    void nestedTextsAndEnumConstantsAreSaidInTheReadersLanguageAndIdsAreNotGrouped() {
        assertThat(wording.of(cannotPay, Locale.ENGLISH)).isEqualTo("Cannot pay order 12345: it is shipped");
        assertThat(wording.of(cannotPay, Locale.SIMPLIFIED_CHINESE)).isEqualTo("无法对订单 12345 执行“付款”：订单状态为 已发货");
    }

    @Test
    void theLogTextIsTheEnglishWording() {
        assertThat(new ConflictException(cannotPay).getMessage()).isEqualTo(wording.of(cannotPay, Locale.ENGLISH));
    }

    @Test
    void aNumberThePatternFormatsStaysANumber() {
        Text tooLarge = Text.of("media.file.tooLarge", 9000L, 8192L);
        assertThat(wording.of(tooLarge, Locale.ENGLISH)).isEqualTo("The picture is 9000 KB; at most 8192 KB is accepted");
        assertThat(new ConflictException(tooLarge).getMessage()).isEqualTo(wording.of(tooLarge, Locale.ENGLISH));
    }
}
