-- Read-only views a room publishes for the others (issue 10, "one owner per fact"). Every table has one
-- owning package that alone writes it; another room reads it only through the owner's Java API or through
-- one of these views, so a change of the owner's table shows up here, in one place.

-- shop publishes its carriers: what an order or a subscription shows of its carrier (MAIL-2)
CREATE VIEW shop_carrier_view AS
SELECT id, shop_id, code, name, tracking_url_template
FROM carrier;

-- order publishes its numbers (e.g. for payment's mismatch list, PAY-2)
CREATE VIEW order_number_view AS
SELECT id AS order_id, shop_id, order_no
FROM customer_order;

-- order publishes the first shipment of each order: its carrier and delivery date (SUB-2, SUB-15)
CREATE VIEW order_first_shipment_view AS
SELECT s.order_id, s.carrier_id, s.delivery_date
FROM shipment s
WHERE s.shipment_no = (SELECT MIN(x.shipment_no) FROM shipment x WHERE x.order_id = s.order_id);
