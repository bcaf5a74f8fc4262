package io.mercato.ads.internal.auction;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ads engine: campaigns indexed by product and by category, an auction that looks only at the campaigns
 * relevant to a request, and the auto-bidder ({@link CampaignSlot}, {@link BidController}, {@link RateModel},
 * {@link TrafficProfile}).
 *
 * <p>Candidates come from two places: the campaigns on a requested product (quality {@value #QUALITY_PRODUCT}),
 * all of them; and the campaigns in a requested category (quality {@value #QUALITY_CATEGORY}), walked from the best
 * of the category's order and stopped after {@link #categoryDepth} eligible ones per category. The order is
 * re-sorted from the campaigns' current bids at most every {@value #RESORT_MILLIS} ms of request time for the
 * categories whose campaigns changed, so a campaign whose bid rose since can be missed for that long when its
 * category holds more eligible campaigns than the depth; within the candidates found the ranking uses current
 * bids exactly.
 *
 * <p>Ranking: score = bid × pCTR × quality, higher first, and on equal scores the lower campaign id first. One ad
 * per product and one per store: a campaign ranked below another of the same product or store is dropped before
 * the slots are filled and before prices are set, so the ranked list holds only campaigns that could have won.
 * Price per click of the winner at position i = ⌈score of the candidate ranked i+1 ÷ (own pCTR × quality)⌉, at
 * least the reserve, never above the own bid; with no candidate after it, the reserve.
 */
@Component
public final class DefaultAdAuction implements AdAuction {

    static final double QUALITY_PRODUCT = 1.0;
    static final double QUALITY_CATEGORY = 0.5;
    static final long RESORT_MILLIS = 200;
    /** Work per re-sort: at most this many campaign entries, so no auction carries a long pause. */
    static final int RESORT_BUDGET = 50_000;

    private static final Comparator<Candidate> RANKING = (a, b) -> a.score != b.score
            ? Double.compare(b.score, a.score) : Long.compare(a.slot.id, b.slot.id);

    private final ZoneId zone;
    private final RateModel model = new RateModel();
    private final TrafficProfile traffic;
    private final ConcurrentHashMap<Long, CampaignSlot> campaigns = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, CampaignSlot> dormant = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, CampaignHistory> histories = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, CampaignSlot[]> byProduct = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Shelf> byCategory = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Shelf> dirtyShelves = new ConcurrentLinkedQueue<>();
    private final AtomicLongArray reserves = new AtomicLongArray(Placement.values().length);
    private final AtomicLong lastAuctionId = new AtomicLong();
    private final AtomicLong nextResort = new AtomicLong(Long.MIN_VALUE);
    private final ReentrantLock resortLock = new ReentrantLock();
    private final Object indexLock = new Object();

    @Autowired
    DefaultAdAuction(@Value("${mercato.ads.time-zone:${mercato.web.time-zone:Asia/Shanghai}}") String zone) {
        this(ZoneId.of(zone));
    }

    /** An engine whose days (budgets, pacing) begin and end at midnight in {@code zone}. */
    public DefaultAdAuction(ZoneId zone) {
        this.zone = zone;
        this.traffic = new TrafficProfile(zone);
    }

    @Override
    public AuctionOutcome run(AdRequest request) {
        Instant at = request.at();
        Placement placement = request.placement();
        long reserve = reserves.get(placement.ordinal());
        traffic.count(at);
        resortIfDue(at);
        long step = CampaignSlot.controlStep(at);
        int keep = Math.max(RANKED_KEPT, request.slots() + 1);

        List<Candidate> found = new ArrayList<>();
        List<Candidate> eligible = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long productId : request.productIds()) {
            CampaignSlot[] slots = byProduct.get(productId);
            if (slots == null) {
                continue;
            }
            for (CampaignSlot slot : slots) {
                if (seen.add(slot.id)) {
                    Candidate c = evaluate(slot, QUALITY_PRODUCT, request, reserve, step, eligible);
                    if (c != null) {
                        found.add(c);
                    }
                }
            }
        }
        int depth = categoryDepth(keep);
        for (long categoryId : request.categoryIds()) {
            Shelf shelf = byCategory.get(categoryId);
            if (shelf == null) {
                continue;
            }
            int taken = 0;
            for (CampaignSlot slot : shelf.ordered(placement)) {
                if (taken >= depth) {
                    break;
                }
                if (seen.add(slot.id)) {
                    Candidate c = evaluate(slot, QUALITY_CATEGORY, request, reserve, step, eligible);
                    if (c != null) {
                        found.add(c);
                        taken++;
                    }
                }
            }
        }

        found.sort(RANKING);
        List<Candidate> ranked = new ArrayList<>(Math.min(found.size(), keep));
        Set<Long> products = new HashSet<>();
        Set<Long> stores = new HashSet<>();
        for (Candidate c : found) {
            if (ranked.size() >= keep) {
                break;
            }
            AdCampaign campaign = c.campaign;
            if (!products.contains(campaign.productId()) && !stores.contains(campaign.storeId())) {
                ranked.add(c);
                products.add(campaign.productId());
                stores.add(campaign.storeId());
            }
        }

        int winnersCount = Math.min(request.slots(), ranked.size());
        List<AdWin> winners = new ArrayList<>(winnersCount);
        for (int i = 0; i < winnersCount; i++) {
            Candidate c = ranked.get(i);
            long price = i + 1 < ranked.size() ? secondPrice(ranked.get(i + 1).score, c.pctr * c.quality) : 0;
            price = Math.min(c.bid, Math.max(reserve, price));
            winners.add(new AdWin(c.toBid(), i + 1, price));
            c.slot.impression(placement, i + 1);
            touched(c.slot);
        }
        observe(eligible, ranked, request, reserve);
        List<AdBid> bids = new ArrayList<>(ranked.size());
        for (Candidate c : ranked) {
            bids.add(c.toBid());
        }
        long id = lastAuctionId.updateAndGet(last -> Math.max(last + 1, at.toEpochMilli() << 16));
        return new AuctionOutcome(id, placement, at, reserve, winners, bids);
    }

    /** How many eligible campaigns an auction takes from each requested category. */
    static int categoryDepth(int keep) {
        return Math.max(32, 2 * keep);
    }

    /**
     * The smallest whole price at which the winner's score would still reach the next one's:
     * ⌈nextScore ÷ (pCTR × quality)⌉, with a relative tolerance so that an exact tie prices at the bid itself.
     */
    static long secondPrice(double nextScore, double pctrTimesQuality) {
        return (long) Math.ceil(nextScore / pctrTimesQuality * (1 - 1e-12));
    }

    /**
     * Gives every eligible campaign, bidding or not, what this auction would have asked of it: the bid per click that
     * reaches each slot against the others ranked, for its {@link BidLandscape}.
     */
    private static void observe(List<Candidate> eligible, List<Candidate> ranked, AdRequest request, long reserve) {
        int slots = request.slots();
        double[] thresholds = new double[slots];
        for (Candidate c : eligible) {
            double unit = c.pctr * c.quality;
            if (unit <= 0) {
                continue;
            }
            int count = 0;
            for (int i = 0; i < ranked.size() && count < slots; i++) {
                Candidate other = ranked.get(i);
                if (other.slot != c.slot) {
                    thresholds[count++] = other.score / unit;
                }
            }
            c.slot.observe(request.placement(), thresholds, count, slots, reserve);
        }
    }

    /** The campaign as a bidder in this auction, or null when it does not bid; every eligible one joins {@code eligible}. */
    private @Nullable Candidate evaluate(CampaignSlot slot, double quality, AdRequest request, long reserve,
            long step, List<Candidate> eligible) {
        AdCampaign campaign = slot.campaign();
        if (!campaign.inStock() || !campaign.currency().equals(request.currency()) || !campaign.activeAt(request.at())) {
            return null;
        }
        CampaignSlot.Quote quote = slot.quote();
        if (quote.controlStep() < step) {
            quote = slot.control(request.at());
            touched(slot);
        }
        long bid = quote.bidMinor();
        double pctr = quote.pctr(request.placement());
        Candidate candidate = new Candidate(slot, campaign, bid, pctr, quality, bid * pctr * quality);
        eligible.add(candidate);
        if (bid <= 0 || bid < reserve || quote.remainingMinor() <= 0) {
            return null;
        }
        return candidate;
    }

    private void touched(CampaignSlot slot) {
        Shelf shelf = slot.shelf;
        if (shelf != null && shelf.dirty.compareAndSet(false, true)) {
            dirtyShelves.add(shelf);
        }
    }

    private void resortIfDue(Instant at) {
        long now = at.toEpochMilli();
        long due = nextResort.get();
        if (now < due || dirtyShelves.isEmpty() || !resortLock.tryLock()) {
            return;
        }
        try {
            nextResort.set(now + RESORT_MILLIS);
            int work = 0;
            Shelf shelf;
            while (work < RESORT_BUDGET && (shelf = dirtyShelves.poll()) != null) {
                work += shelf.size() + 1;
                shelf.resort();
                if (shelf.dirty.get()) {
                    dirtyShelves.add(shelf);
                }
            }
        } finally {
            resortLock.unlock();
        }
    }

    @Override
    public void upsert(AdCampaign campaign) {
        synchronized (indexLock) {
            CampaignSlot existing = campaigns.get(campaign.campaignId());
            if (existing != null) {
                AdCampaign old = existing.campaign();
                if (old.productId() != campaign.productId() || old.categoryId() != campaign.categoryId()) {
                    unindex(existing);
                    existing.update(campaign);
                    index(existing);
                } else {
                    existing.update(campaign);
                    touched(existing);
                }
                return;
            }
            CampaignSlot slot = dormant.remove(campaign.campaignId());
            if (slot == null) {
                slot = new CampaignSlot(campaign, model, traffic, zone);
            } else {
                slot.update(campaign);
            }
            CampaignHistory history = histories.remove(campaign.campaignId());
            if (history != null) {
                slot.restore(history);
            }
            index(slot);
            campaigns.put(slot.id, slot);
        }
    }

    private void index(CampaignSlot slot) {
        AdCampaign c = slot.campaign();
        byProduct.compute(c.productId(), (id, slots) -> {
            if (slots == null) {
                return new CampaignSlot[] {slot};
            }
            CampaignSlot[] more = Arrays.copyOf(slots, slots.length + 1);
            more[slots.length] = slot;
            return more;
        });
        Shelf shelf = byCategory.computeIfAbsent(c.categoryId(), Shelf::new);
        shelf.add(slot);
        slot.shelf = shelf;
        dirtyShelves.add(shelf);
    }

    private void unindex(CampaignSlot slot) {
        AdCampaign c = slot.campaign();
        byProduct.computeIfPresent(c.productId(), (id, slots) -> {
            CampaignSlot[] rest = Arrays.stream(slots).filter(s -> s != slot).toArray(CampaignSlot[]::new);
            return rest.length == 0 ? null : rest;
        });
        Shelf shelf = byCategory.get(c.categoryId());
        if (shelf != null) {
            shelf.remove(slot);
        }
        slot.shelf = null;
    }

    @Override
    public void remove(long campaignId) {
        synchronized (indexLock) {
            CampaignSlot slot = campaigns.remove(campaignId);
            if (slot != null) {
                unindex(slot);
                dormant.put(campaignId, slot);
            }
        }
    }

    @Override
    public void inStock(long productId, boolean inStock) {
        CampaignSlot[] slots = byProduct.get(productId);
        if (slots != null) {
            for (CampaignSlot slot : slots) {
                slot.stock(inStock);
            }
        }
    }

    @Override
    public void configure(Placement placement, long reservePriceMinor) {
        if (reservePriceMinor < 0) {
            throw new IllegalArgumentException("Reserve price " + reservePriceMinor + " on " + placement
                    + " must not be negative");
        }
        reserves.set(placement.ordinal(), reservePriceMinor);
    }

    @Override
    public void clicked(long campaignId, Placement placement, int position, long chargedMinor, Instant at) {
        if (chargedMinor < 0) {
            throw new IllegalArgumentException("Click on campaign " + campaignId + " charged " + chargedMinor
                    + "; a charge is never negative");
        }
        CampaignSlot slot = known(campaignId);
        if (slot != null) {
            slot.click(placement, chargedMinor, at);
            touched(slot);
        }
    }

    @Override
    public void converted(long campaignId, long gmvMinor, Instant at) {
        if (gmvMinor < 0) {
            throw new IllegalArgumentException("Conversion of campaign " + campaignId + " worth " + gmvMinor
                    + "; GMV is never negative");
        }
        CampaignSlot slot = known(campaignId);
        if (slot != null) {
            slot.conversion(gmvMinor, at);
            touched(slot);
        }
    }

    @Override
    public void restore(long campaignId, CampaignHistory history) {
        synchronized (indexLock) {
            CampaignSlot slot = known(campaignId);
            if (slot == null) {
                histories.put(campaignId, history);
            } else {
                slot.restore(history);
                touched(slot);
            }
        }
    }

    /**
     * Bids {@code bidMinor} per click for a campaign instead of the auto-bidder's bid (still never above the budget
     * left today), or with a negative value returns it to the auto-bidder. For manual bidding and for the autobid
     * benchmark's fixed-bid baseline; unknown ids are ignored.
     */
    public void fixBid(long campaignId, long bidMinor) {
        CampaignSlot slot = known(campaignId);
        if (slot != null) {
            slot.fixBid(bidMinor < 0 ? -1 : bidMinor);
            touched(slot);
        }
    }

    @Override
    public Optional<BidState> state(long campaignId) {
        CampaignSlot slot = known(campaignId);
        return slot == null ? Optional.empty() : Optional.of(slot.state());
    }

    private @Nullable CampaignSlot known(long campaignId) {
        CampaignSlot slot = campaigns.get(campaignId);
        return slot != null ? slot : dormant.get(campaignId);
    }

    /** The zone whose midnight starts a campaign's day. */
    public ZoneId zone() {
        return zone;
    }

    private static final class Candidate {
        final CampaignSlot slot;
        final AdCampaign campaign;
        final long bid;
        final double pctr;
        final double quality;
        final double score;

        Candidate(CampaignSlot slot, AdCampaign campaign, long bid, double pctr, double quality, double score) {
            this.slot = slot;
            this.campaign = campaign;
            this.bid = bid;
            this.pctr = pctr;
            this.quality = quality;
            this.score = score;
        }

        AdBid toBid() {
            return new AdBid(campaign.campaignId(), campaign.productId(), campaign.storeId(), bid, pctr, quality,
                    score);
        }
    }
}
