-- Import rules per category: 0 is the destination's rule for every category; a category's rule applies to its
-- sub-categories too.
ALTER TABLE tax.import_rules ADD COLUMN category_id BIGINT NOT NULL DEFAULT 0 CHECK (category_id >= 0);
ALTER TABLE tax.import_rules DROP CONSTRAINT import_rules_pkey;
ALTER TABLE tax.import_rules ADD PRIMARY KEY (country, category_id);
