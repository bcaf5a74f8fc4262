package io.mercato.ads.internal.auction;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The campaigns of one category, in two orders (one per placement) by the score they would have as a category
 * match ({@link CampaignSlot.Quote#key}), so that an auction walks a category from its best campaigns and stops
 * after the few it needs. Copy-on-write: readers see a consistent array without locking; a campaign's bid moves
 * between re-sorts, so the order is that of the last re-sort (see {@link DefaultAdAuction}).
 */
final class Shelf {

    private static final CampaignSlot[] NONE = {};

    final long categoryId;
    /** Both orders, replaced whole under the monitor of {@code this}, never changed in place. */
    private volatile CampaignSlot[][] orders = {NONE, NONE};
    final AtomicBoolean dirty = new AtomicBoolean();

    Shelf(long categoryId) {
        this.categoryId = categoryId;
    }

    CampaignSlot[] ordered(Placement placement) {
        return orders[placement.ordinal()];
    }

    int size() {
        return ordered(Placement.SEARCH).length;
    }

    synchronized void add(CampaignSlot slot) {
        CampaignSlot[][] next = new CampaignSlot[2][];
        for (Placement p : Placement.values()) {
            CampaignSlot[] old = orders[p.ordinal()];
            next[p.ordinal()] = Arrays.copyOf(old, old.length + 1);
            next[p.ordinal()][old.length] = slot;
        }
        orders = next;
        dirty.set(true);
    }

    synchronized void remove(CampaignSlot slot) {
        CampaignSlot[][] next = new CampaignSlot[2][];
        for (Placement p : Placement.values()) {
            CampaignSlot[] old = orders[p.ordinal()];
            int at = -1;
            for (int i = 0; i < old.length; i++) {
                if (old[i] == slot) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return;
            }
            next[p.ordinal()] = new CampaignSlot[old.length - 1];
            System.arraycopy(old, 0, next[p.ordinal()], 0, at);
            System.arraycopy(old, at + 1, next[p.ordinal()], at, old.length - at - 1);
        }
        orders = next;
    }

    /** Re-sorts both orders by the campaigns' current quotes, best first, lower campaign id first on a tie. */
    void resort() {
        dirty.set(false);
        CampaignSlot[][] before = orders;
        CampaignSlot[] members = before[0];
        CampaignSlot[][] sorted = new CampaignSlot[2][];
        for (Placement p : Placement.values()) {
            Keyed[] keyed = new Keyed[members.length];
            for (int i = 0; i < members.length; i++) {
                keyed[i] = new Keyed(members[i].quote().key(p), members[i]);
            }
            Arrays.sort(keyed, (a, b) -> a.key != b.key ? Double.compare(b.key, a.key) : Long.compare(a.slot.id, b.slot.id));
            CampaignSlot[] order = new CampaignSlot[members.length];
            for (int i = 0; i < members.length; i++) {
                order[i] = keyed[i].slot;
            }
            sorted[p.ordinal()] = order;
        }
        synchronized (this) {
            // A campaign added or removed meanwhile wins over the re-sort; it sorts on the next one.
            if (orders == before) {
                orders = sorted;
            } else {
                dirty.set(true);
            }
        }
    }

    private record Keyed(double key, CampaignSlot slot) {
    }
}
