-- =====================================================================================
-- cartflow V70: payment reconciliation beyond status (PAY-2). Portable SQL (H2 2.3 and PostgreSQL 17).
-- A mismatch is now of a kind: STATUS (the gateway's state differs from ours) or AMOUNT (same state, the
-- gateway holds another amount; both amounts recorded). A mismatch reported to support is released once
-- support has settled it: who, when, why and the payment status the order got are recorded here.
-- =====================================================================================

ALTER TABLE payment_mismatch ADD COLUMN kind VARCHAR(10) DEFAULT 'STATUS' NOT NULL;
ALTER TABLE payment_mismatch ADD COLUMN our_amount BIGINT;
ALTER TABLE payment_mismatch ADD COLUMN gateway_amount BIGINT;
ALTER TABLE payment_mismatch ADD COLUMN released_by VARCHAR(255);
ALTER TABLE payment_mismatch ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment_mismatch ADD COLUMN release_reason VARCHAR(1000);
ALTER TABLE payment_mismatch ADD COLUMN released_status VARCHAR(20);
ALTER TABLE payment_mismatch ADD CONSTRAINT ck_payment_mismatch_kind CHECK (kind IN ('STATUS', 'AMOUNT'));
ALTER TABLE payment_mismatch ADD CONSTRAINT ck_payment_mismatch_release
    CHECK (released_at IS NULL OR (released_by IS NOT NULL AND release_reason IS NOT NULL
        AND released_status IS NOT NULL AND decision = 'REPORT_TO_SUPPORT'));
