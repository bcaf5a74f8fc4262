package io.mercato.web.common;

import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A refusal as a page says it, in the reader's language and never in the exception's words: the field it names (by
 * its label in the bundle, {@code <prefix>.field.<name>}), or the kind of refusal under a page's own key prefix.
 */
@Component
public final class RefusalText {

    private final MessageSource messages;

    RefusalText(MessageSource messages) {
        this.messages = messages;
    }

    /** @param prefix the page's keys, such as {@code fulfillment.error}: {@code .invalid}, {@code .conflict}, … */
    public String of(String prefix, DomainException refusal) {
        Locale locale = LocaleContextHolder.getLocale();
        return switch (refusal) {
            case InvalidInputException invalid -> {
                String field = invalid.field().replaceAll("\\[\\d+]", "");
                String label = messages.getMessage(prefix + ".field." + field, null, field, locale);
                yield messages.getMessage(prefix + ".invalid", new Object[] {label}, locale);
            }
            case ConflictException conflict -> messages.getMessage(prefix + ".conflict", null, locale);
            case NotFoundException notFound -> messages.getMessage(prefix + ".notFound", null, locale);
            case ForbiddenException forbidden -> messages.getMessage(prefix + ".forbidden", null, locale);
            default -> messages.getMessage(prefix + ".other", null, locale);
        };
    }
}
