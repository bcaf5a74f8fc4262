package io.mercato.ads;

/** Where a campaign stands: running, paused by its seller, not started yet, or past its end. */
public enum CampaignStatus {
    ACTIVE,
    PAUSED,
    SCHEDULED,
    ENDED
}
