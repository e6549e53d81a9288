-- =====================================================================================
-- cartflow V32: the shop's master data over REST. Portable SQL (H2 2.3 and PostgreSQL 17), see V1.
-- 定期購入回数 is a product setting (the seed): a subscription item without its own limit takes the
-- product's delivery-count limit at checkout (NULL = unlimited).
-- =====================================================================================
ALTER TABLE product ADD COLUMN max_deliveries INTEGER;
ALTER TABLE product ADD CONSTRAINT ck_product_max_deliveries CHECK (max_deliveries IS NULL OR max_deliveries > 0);
