package io.mercato.ads;

import io.mercato.platform.Actor;
import java.time.LocalDate;
import java.util.List;

/**
 * Sellers' campaigns: creation, edits, pauses, their reports and the explanation of each charge. A seller sees and
 * changes only the campaigns of its own stores (another's is "not found"); operators see all.
 */
public interface AdCampaigns {

    /** The smallest and largest daily budget, in minor units (1.00 and 1,000,000.00). */
    long MIN_DAILY_BUDGET_MINOR = 100;
    long MAX_DAILY_BUDGET_MINOR = 100_000_000;
    /** The lowest and highest target ROI (GMV ÷ spend). */
    java.math.BigDecimal MIN_TARGET_ROI = new java.math.BigDecimal("0.10");
    java.math.BigDecimal MAX_TARGET_ROI = new java.math.BigDecimal("100.00");

    /**
     * @throws io.mercato.platform.InvalidInputException naming the field that breaks a rule
     * @throws io.mercato.platform.NotFoundException when the product does not exist or is not of the seller's stores
     */
    Campaign create(Actor seller, CampaignDraft draft);

    /** Changes budget, target, name and dates; absent fields keep their value. */
    Campaign update(Actor seller, long campaignId, CampaignDraft draft);

    Campaign pause(Actor seller, long campaignId);

    Campaign resume(Actor seller, long campaignId);

    /** @throws io.mercato.platform.NotFoundException when there is no such campaign or it is another seller's */
    Campaign get(Actor actor, long campaignId);

    /** The seller's campaigns (an operator's: all), newest first. */
    List<Campaign> list(Actor actor);

    /** Spend, impressions, clicks, attributed orders, GMV and ROI per hour or day of {@code from..to}. */
    CampaignReport report(Actor actor, long campaignId, CampaignReport.Period period, LocalDate from, LocalDate to);

    /** The campaign's latest clicks, each with what it was charged and why. */
    List<ClickCharge> clicks(Actor actor, long campaignId, int limit);

    /** Why a click cost what it did: the auction, the competitors' scores, the reserve and the price. */
    ClickCharge.Explanation explain(Actor actor, long clickId);

    /**
     * The platform's figure of merchants paying for ads: on each day of {@code from..to} (in the zone), how many
     * merchants (seller accounts, whose ad accounts pay) were charged for at least one sponsored click; days without
     * any are absent. A click counted free (a repeat, a spent budget or ad account, an ended campaign) charges no one.
     */
    java.util.Map<LocalDate, Long> payingAdvertisersPerDay(LocalDate from, LocalDate to, java.time.ZoneId zone);
}
