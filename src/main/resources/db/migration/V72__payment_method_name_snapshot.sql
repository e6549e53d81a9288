-- =====================================================================================
-- cartflow V72: the payment method's display name as the subscription and the order knew it.
-- Portable SQL (H2 2.3 and PostgreSQL 17), see V1.
-- Renaming a payment method does not rename it on running subscriptions (the seed: the new name shows only
-- after the subscription's payment is updated), nor on orders already placed. The subscription keeps the name
-- from checkout and from each payment change; each order keeps the name it was created with (a generated order
-- takes its subscription's). NULL: no name known; readers fall back to the method's generic label.
-- Existing rows are backfilled with today's name of the shop's method of that code (the first one, as the
-- payment-method API edits the first one of a code).
-- =====================================================================================
ALTER TABLE subscription ADD COLUMN payment_method_name VARCHAR(255);
ALTER TABLE customer_order ADD COLUMN payment_method_name VARCHAR(255);

UPDATE subscription SET payment_method_name = (
    SELECT p.name FROM payment_method p
    WHERE p.id = (SELECT MIN(q.id) FROM payment_method q
                  WHERE q.shop_id = subscription.shop_id AND q.code = subscription.payment_method_code))
WHERE payment_method_name IS NULL;

UPDATE customer_order SET payment_method_name = (
    SELECT p.name FROM payment_method p
    WHERE p.id = (SELECT MIN(q.id) FROM payment_method q
                  WHERE q.shop_id = customer_order.shop_id AND q.code = customer_order.payment_method_code))
WHERE payment_method_name IS NULL;
