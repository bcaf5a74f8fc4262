package io.mercato.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.platform.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Points taken back by refunds, over random orders split into random refunds: never negative, never more than the
 * order earned, and all of it once the whole order is refunded, whatever the rounding of the parts. Each try runs from
 * its own seed, printed on failure; {@code -Dmercato.seed=<seed>} replays one.
 */
class RefundPointsProperties {

    @Test
    void refundsTakeBackAtMostWhatTheOrderEarnedAndAllOfItWhenFullyRefunded() {
        String fixed = System.getProperty("mercato.seed");
        long base = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        int tries = fixed != null ? 1 : 2_000;
        for (int i = 0; i < tries; i++) {
            long seed = base + i;
            try {
                check(seed);
            } catch (AssertionError failure) {
                throw new AssertionError("Failed with seed " + seed + " (replay with -Dmercato.seed=" + seed + "): "
                        + failure.getMessage(), failure);
            }
        }
    }

    private static void check(long seed) {
        Random random = new Random(seed);
        long total = 1 + random.nextInt(random.nextBoolean() ? 1_000 : 10_000_000);
        long earned = DefaultEngagementPoints.forPayment(Money.of(total, "CNY"));
        boolean full = random.nextBoolean();
        List<Long> parts = new ArrayList<>();
        long left = total;
        int pieces = 1 + random.nextInt(6);
        for (int p = 0; p < pieces && left > 0; p++) {
            long part = p == pieces - 1 && full ? left : 1 + (long) (random.nextDouble() * left);
            parts.add(part);
            left -= part;
        }
        if (full && left > 0) {
            parts.add(left);
            left = 0;
        }
        long reversed = 0;
        long refunded = 0;
        for (long part : parts) {
            long back = DefaultEngagementPoints.pointsBack(earned, reversed, refunded, part);
            assertThat(back).as("points back for a refund of %d after %d refunded of %d", part, refunded, total)
                    .isNotNegative();
            reversed += back;
            refunded += part;
            assertThat(reversed).as("taken back so far of %d earned", earned).isLessThanOrEqualTo(earned);
            assertThat(reversed).as("never more than the money refunded so far is worth").isLessThanOrEqualTo(refunded / 100);
        }
        if (refunded == total) {
            assertThat(reversed).as("a full refund of %d in parts %s takes back every point", total, parts)
                    .isEqualTo(earned);
        }
    }
}
