-- Cross-border taxes assessed at checkout: EU VAT collected under IOSS or due at the border, another destination's
-- duty. What is collected is paid on top of the total into the platform's tax liabilities, never into escrow.
ALTER TABLE ordering.orders
    ADD COLUMN tax_treatment       TEXT CHECK (tax_treatment IN ('IOSS_VAT', 'IMPORT_VAT_AT_BORDER', 'DUTY')),
    ADD COLUMN tax_basis_points    INT CHECK (tax_basis_points BETWEEN 0 AND 10000),
    ADD COLUMN tax_collected_minor BIGINT NOT NULL DEFAULT 0 CHECK (tax_collected_minor >= 0),
    ADD COLUMN tax_due_minor       BIGINT NOT NULL DEFAULT 0 CHECK (tax_due_minor >= 0);
