package io.mercato.assistant.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Finds the order a question names: "order 42", "order #42", "#42", "订单42", "42号订单". Other numbers are not orders. */
final class OrderReference {

    private static final Pattern[] PATTERNS = {
            Pattern.compile("(?i)(?:order|订单)\\s*(?:no\\.?|number|id|号|编号)?\\s*[#:：]?\\s*(\\d{1,12})"),
            Pattern.compile("(\\d{1,12})\\s*号?订单"),
            Pattern.compile("[#＃]\\s*(\\d{1,12})"),
    };

    private OrderReference() {
    }

    static @Nullable Long find(String question) {
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(question);
            if (m.find()) {
                long id = Long.parseLong(m.group(1));
                return id > 0 ? id : null;
            }
        }
        return null;
    }
}
