package io.mercato.http;

import io.mercato.platform.DomainException;
import io.mercato.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts a module's {@link Text} into the reader's words: the message bundles in the language of the request being
 * answered (the shop's language cookie, else {@code Accept-Language}), English when neither asks for Chinese.
 * Arguments are shown as they are ({@code String.valueOf}, so ids are never grouped as {@code 12,345}); an argument
 * that is itself a {@link Text} is put into words first, and an enum constant is named by its bundle key
 * ({@link Text#keyOf(Enum)}; its name when the bundles have none).
 */
@Component
public final class Wording {

    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> locales;

    public Wording(MessageSource messages, ObjectProvider<LocaleResolver> locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** The text in the current request's language; its key when a bundle lacks it (a test catches that). */
    public String of(Text text) {
        return of(text, LocaleContextHolder.getLocale());
    }

    public String of(Text text, Locale locale) {
        Object[] args = text.args();
        if (args.length > 0) {
            String pattern = messages.getMessage(text.key(), null, "", locale);
            args = text.argumentsFor(pattern, nested -> of(nested, locale),
                    constant -> messages.getMessage(Text.keyOf(constant), null, constant.name(), locale));
        }
        return messages.getMessage(text.key(), args, text.key(), locale);
    }

    /** What the refusal says to its reader, in the current request's language. */
    public String of(DomainException refusal) {
        return of(refusal.text());
    }

    /** The text in the language of a request that no controller answers yet (a filter, a security entry point). */
    public String of(Text text, HttpServletRequest request) {
        return of(text, locale(request));
    }

    /** The language a request asks for: the pages' resolver (cookie, then {@code Accept-Language}). */
    public Locale locale(HttpServletRequest request) {
        LocaleResolver resolver = locales.getIfAvailable();
        Locale locale = resolver == null ? request.getLocale() : resolver.resolveLocale(request);
        return locale == null ? Locale.ENGLISH : locale;
    }

    /** Writes the refusal as a problem detail in the request's language (for filters, outside the controllers). */
    public void write(HttpServletRequest request, HttpServletResponse response, DomainException refusal) throws IOException {
        HttpProblems.write(response, HttpProblems.status(refusal).value(), HttpProblems.title(refusal),
                of(refusal.text(), request));
    }

    /** Writes a problem detail with the given status and title, its detail in the request's language. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String title, Text detail)
            throws IOException {
        HttpProblems.write(response, status, title, of(detail, request));
    }
}
