-- A sale called off before it started: kept for its seller's list, no longer sold, its price promotion ended.
ALTER TABLE flashsale.sales ADD COLUMN cancelled_at timestamptz;
