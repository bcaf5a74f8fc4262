-- The platform's daily figure of merchants paying for ads (insights takes it every minute for the last two days, and
-- for every day on a full recompute) reads the charged clicks by time.
CREATE INDEX clicks_charged_at ON ads.clicks (at) WHERE outcome = 'CHARGED';
