-- =====================================================================================
-- cartflow V31: custom member attributes (MEM-1). Portable SQL (H2 2.3 and PostgreSQL 17), see V1.
-- A definition gets its maximum length (NULL = up to the value column's 4000 characters). Ids 90 (company,
-- 会社名) and 91 (department, 部署名) are built in: every shop has them as text lines; the member room
-- creates them for a shop that lacks them, and refuses to delete them.
-- =====================================================================================
ALTER TABLE member_attribute_definition ADD COLUMN max_length INTEGER;
ALTER TABLE member_attribute_definition ADD CONSTRAINT ck_member_attribute_definition_max_length
    CHECK (max_length IS NULL OR max_length BETWEEN 1 AND 4000);
ALTER TABLE member_attribute_definition ADD CONSTRAINT ck_member_attribute_definition_no
    CHECK (attribute_no BETWEEN 1 AND 999);
CREATE INDEX ix_member_attribute_value_definition_value ON member_attribute_value (definition_id, attribute_value);

INSERT INTO member_attribute_definition (shop_id, attribute_no, name, attribute_type, required, sort_order, max_length)
SELECT s.id, 90, '会社名', 'TEXT_LINE', FALSE, 0, 255 FROM shop s
WHERE NOT EXISTS (SELECT 1 FROM member_attribute_definition d WHERE d.shop_id = s.id AND d.attribute_no = 90);
INSERT INTO member_attribute_definition (shop_id, attribute_no, name, attribute_type, required, sort_order, max_length)
SELECT s.id, 91, '部署名', 'TEXT_LINE', FALSE, 0, 255 FROM shop s
WHERE NOT EXISTS (SELECT 1 FROM member_attribute_definition d WHERE d.shop_id = s.id AND d.attribute_no = 91);
