package io.mercato.http;

import io.mercato.platform.DomainException;
import io.mercato.platform.Text;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts a module's {@link Text} into the reader's words: the message bundles in the language of the request being
 * answered (the shop's language cookie, else {@code Accept-Language}), English when neither asks for Chinese.
 */
@Component
public final class Wording {

    private final MessageSource messages;

    public Wording(MessageSource messages) {
        this.messages = messages;
    }

    /** The text in the current request's language; its key when a bundle lacks it (a test catches that). */
    public String of(Text text) {
        return of(text, LocaleContextHolder.getLocale());
    }

    public String of(Text text, Locale locale) {
        return messages.getMessage(text.key(), text.args(), text.key(), locale);
    }

    /** What the refusal says to its reader: its bundle text, or for a refusal made of words, those words. */
    public String of(DomainException refusal) {
        Text text = refusal.text();
        return text == null ? String.valueOf(refusal.getMessage()) : of(text);
    }
}
