package io.mercato.web.common;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English or Simplified Chinese: taken from the browser's Accept-Language until the person picks one with
 * {@code ?lang=}, which a cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
final class WebConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("mercato-lang") {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> supported(request.getLocale()));
        return resolver;
    }

    static Locale supported(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** An enum parameter of a page takes the spellings the API takes: {@code kind=tmall}, {@code sort=price_asc}. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new AnyCaseEnums());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class AnyCaseEnums implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
            return text -> text.isBlank() ? null : (T) Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        }
    }
}
