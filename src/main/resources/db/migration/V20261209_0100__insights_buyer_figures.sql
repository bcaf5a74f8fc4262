-- The buyer figures that are not sums of days, kept as rows the fold adds differences to, so that a dashboard reads
-- a row per day or month whatever the number of buyers: new buyers per day, annual active consumers at each month
-- (buyers who paid in that month or the eleven before) and the cohort cells (buyers of a month's or a year's cohort
-- who paid in a later month or year). Filled here from the buyer tables as they stand.
CREATE TABLE insights.daily_new_buyers (
    day    DATE   PRIMARY KEY,
    buyers BIGINT NOT NULL
);

CREATE TABLE insights.active_months (
    month  DATE   PRIMARY KEY,
    buyers BIGINT NOT NULL
);

CREATE TABLE insights.cohort_cells (
    unit   TEXT   NOT NULL CHECK (unit IN ('month', 'year')),
    cohort DATE   NOT NULL,
    period DATE   NOT NULL,
    buyers BIGINT NOT NULL,
    PRIMARY KEY (unit, cohort, period)
);

INSERT INTO insights.daily_new_buyers (day, buyers)
SELECT first_day, count(*) FROM insights.buyers GROUP BY first_day;

INSERT INTO insights.active_months (month, buyers)
SELECT (m.month + make_interval(months => k))::date, count(DISTINCT m.buyer_id)
FROM insights.buyer_months m, generate_series(0, 11) AS k
GROUP BY 1;

INSERT INTO insights.cohort_cells (unit, cohort, period, buyers)
SELECT 'month', date_trunc('month', b.first_day)::date, m.month, count(*)
FROM insights.buyers b JOIN insights.buyer_months m ON m.buyer_id = b.buyer_id
GROUP BY 2, 3;

INSERT INTO insights.cohort_cells (unit, cohort, period, buyers)
SELECT 'year', date_trunc('year', b.first_day)::date, date_trunc('year', m.month)::date, count(DISTINCT b.buyer_id)
FROM insights.buyers b JOIN insights.buyer_months m ON m.buyer_id = b.buyer_id
GROUP BY 2, 3;
