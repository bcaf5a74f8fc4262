-- Members get a set of coupons each month (one per tier), so a month has one pool per tier.
ALTER TABLE membership.monthly_pools ADD COLUMN tier INT NOT NULL DEFAULT 0;
ALTER TABLE membership.monthly_pools DROP CONSTRAINT monthly_pools_pkey;
ALTER TABLE membership.monthly_pools ADD PRIMARY KEY (month, tier);
