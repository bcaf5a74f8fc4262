package io.mercato.web.common;

import io.mercato.http.Wording;
import io.mercato.platform.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The words the platform itself wrote into the database (an order's history notes, a ledger posting's memo), shown
 * in the reader's language: each sentence the code writes is recognised and said by its bundle key, with the ids
 * and amounts it holds as arguments; anything else (a buyer's reason, a seller's note, a carrier's text) is shown
 * as it was written. Used by the console's pages as {@code @storedWords.note(…)} and {@code @storedWords.memo(…)}.
 */
@Component("storedWords")
public final class StoredWords {

    private record Sentence(Pattern pattern, String key) {
    }

    private static final List<Sentence> NOTES = List.of(
            sentence("placed", "stored.note.placed"),
            sentence("paid from wallet", "stored.note.paid"),
            sentence("carrier reported delivery", "stored.note.delivered"),
            sentence("confirmed automatically (\\d+) days after delivery", "stored.note.autoConfirmed"),
            sentence("not paid within (\\d+) minutes", "stored.note.notPaidInTime"),
            sentence("cancelled by buyer", "stored.note.cancelledByBuyer"),
            sentence("refunded before shipment", "stored.note.refundedBeforeShipment"),
            sentence("return requested: refund (\\d+)", "stored.note.returnRequested"),
            sentence("return rejected: refund (\\d+)", "stored.note.returnRejected"),
            sentence("return approved: refund (\\d+)", "stored.note.returnApproved"),
            sentence("return approved by the platform: refund (\\d+)", "stored.note.returnApprovedByPlatform"),
            sentence("approved", "stored.note.approved"));

    private static final List<Sentence> MEMOS = List.of(
            sentence("Payment of order (\\d+) into escrow", "stored.memo.orderPayment"),
            sentence("Refund (\\d+) of order (\\d+)", "stored.memo.refund"),
            sentence("Refund (\\d+) of the platform's own settled order (\\d+)", "stored.memo.refundOwnSale"),
            sentence("Settlement of order (\\d+): platform's own sale", "stored.memo.settlementOwnSale"),
            sentence("Settlement of order (\\d+): (-?[\\d.]+ [A-Z]{3}) to merchant, fee (-?[\\d.]+ [A-Z]{3})",
                    "stored.memo.settlement"),
            sentence("Withdrawal to the merchant's bank account", "stored.memo.withdrawal"),
            sentence("Wallet top-up via (.+)", "stored.memo.topUp"));

    /** A trailing amount in brackets, as a partial refund's note carries it: {@code … (12.00 CNY)}. */
    private static final Pattern AMOUNT = Pattern.compile("^(.*) \\((-?[\\d.]+ [A-Z]{3})\\)$");

    private final Wording wording;

    StoredWords(Wording wording) {
        this.wording = wording;
    }

    /** An order history note in the reader's language; a note someone typed is shown as typed. */
    public @Nullable String note(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        Matcher amount = AMOUNT.matcher(stored);
        if (amount.matches()) {
            Text base = match(NOTES, amount.group(1));
            if (base != null) {
                return wording.of(Text.of("stored.withAmount", base, amount.group(2)));
            }
        }
        Text text = match(NOTES, stored);
        return text == null ? stored : wording.of(text);
    }

    /** A ledger memo in the reader's language; a memo this does not know is shown as it was written. */
    public @Nullable String memo(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        Text text = match(MEMOS, stored);
        return text == null ? stored : wording.of(text);
    }

    private static @Nullable Text match(List<Sentence> sentences, String stored) {
        for (Sentence sentence : sentences) {
            Matcher matcher = sentence.pattern().matcher(stored);
            if (matcher.matches()) {
                List<Object> args = new ArrayList<>();
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    args.add(matcher.group(i));
                }
                return Text.of(sentence.key(), args.toArray());
            }
        }
        return null;
    }

    private static Sentence sentence(String regex, String key) {
        return new Sentence(Pattern.compile(regex), key);
    }
}
