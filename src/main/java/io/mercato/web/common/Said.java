package io.mercato.web.common;

import io.mercato.http.Wording;
import io.mercato.payment.PaymentProvider.PaymentDeclinedException;
import io.mercato.platform.DomainException;
import io.mercato.platform.Text;
import org.springframework.stereotype.Component;

/**
 * What a page shows for a refusal it caught (a flash message, a form's error): the refusal's bundle text in the
 * reader's language, never an exception's own words. Static so that a controller's catch clause reads
 * {@code Said.of(e)}; the platform's one {@link Wording} is handed to it when the pages start.
 */
@Component
public final class Said {

    private static volatile Wording wording;

    Said(Wording wording) {
        Said.wording = wording;
    }

    /** The refusal in the current request's language. */
    public static String of(DomainException refusal) {
        return of(refusal.text());
    }

    /** A payment provider's refusal: its reason is the provider's, so the page says it in its own words. */
    public static String of(PaymentDeclinedException declined) {
        return of(Text.of("web.paymentDeclined"));
    }

    /** Either kind of refusal a payment page catches. */
    public static String of(RuntimeException failure) {
        return switch (failure) {
            case DomainException refusal -> of(refusal);
            case PaymentDeclinedException declined -> of(declined);
            default -> of(Text.of("error.unexpected"));
        };
    }

    /** A text of the bundles in the current request's language. */
    public static String of(Text text) {
        Wording current = wording;
        if (current == null) {
            throw new IllegalStateException("The pages have not started: no wording yet");
        }
        return current.of(text);
    }
}
