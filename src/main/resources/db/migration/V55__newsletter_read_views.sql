-- Read-only views that member and subscription publish for newsletter segments (issue 13 on the issue-10
-- layout). A campaign selects its recipients with one INSERT … SELECT (a 50,000-member campaign keeps no
-- member list in memory), so it reads these views instead of the owners' tables; a change of member or
-- subscription tables shows up here, in one place.

-- member publishes its marketing contacts: address, name and current consent (MKT-1, MKT-2)
CREATE VIEW member_contact_view AS
SELECT id AS member_id, shop_id, email, last_name, first_name, marketing_consent
FROM member;

-- member publishes the custom attribute values of its members, keyed by the shop's attribute number
CREATE VIEW member_attribute_view AS
SELECT v.member_id, d.shop_id, d.attribute_no, v.attribute_value
FROM member_attribute_value v
JOIN member_attribute_definition d ON d.id = v.definition_id;

-- subscription publishes which members subscribe, and in which status (segment "active" / "ended")
CREATE VIEW subscription_member_view AS
SELECT member_id, shop_id, status
FROM subscription;
