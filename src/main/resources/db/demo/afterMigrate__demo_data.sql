-- =====================================================================================
-- Demo data (demo profile only: it adds classpath:db/demo to the Flyway locations).
--
-- A Flyway afterMigrate callback: it runs after EVERY migrate, so each statement is idempotent
-- (INSERT ... SELECT ... WHERE NOT EXISTS, keyed by natural keys) and never relies on generated id
-- values: ids are looked up with joins / subselects. Portable to H2 2.3 and PostgreSQL 17:
-- date/time values are typed literals (PostgreSQL types a bare literal in INSERT ... SELECT as text,
-- which it will not assign to DATE / TIME / TIMESTAMP columns); a VALUES column that is empty for
-- some rows carries '' there and NULLIF turns it into NULL (a bare NULL in VALUES would be typed
-- from the other rows anyway, but '' keeps the rows uniform and readable).
-- Mail templates are NOT inserted here (they ship with the mail module).
-- =====================================================================================

-- ---- shop ---------------------------------------------------------------------------
INSERT INTO shop (code, name, email, copy_email, paused, registration_points)
SELECT 'demo', 'カートフロー デモ商店', 'shop@demo.cartflow.test', 'shop-copy@demo.cartflow.test', FALSE, 500
WHERE NOT EXISTS (SELECT 1 FROM shop WHERE code = 'demo');

-- ---- subscription settings of the shop (owned by subscription; SUB-3/4/5/9/11/12/13/26/29/31) ----------
INSERT INTO subscription_setting (shop_id, subscription_enabled, new_subscriptions_stopped,
                  lead_days, generation_time, authorize_at_generation, decrement_stock_on_generation,
                  monthly_cycle_enabled, interval_cycle_enabled, interval_min_days, interval_max_days,
                  perk_free_shipping, perk_shipping_discount, perk_free_payment_fee,
                  points_enabled, points_rate_yen,
                  numbering_rule, numbering_prefix, numbering_digits, numbering_initial,
                  numbering_date_hyphen, numbering_next,
                  mypage_change_cycle, mypage_change_payment, mypage_change_address,
                  card_expiry_reminder_auto, card_expiry_window_days)
SELECT s.id, TRUE, FALSE,
       7, TIME '05:00:00', TRUE, FALSE,
       TRUE, TRUE, 14, 90,
       FALSE, 0, FALSE,
       TRUE, 100,
       'PREFIX_SEQUENCE', 'tk-', 5, 13001,
       FALSE, 13002,
       TRUE, TRUE, TRUE,
       TRUE, 30
FROM shop s
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM subscription_setting x WHERE x.shop_id = s.id);

-- ---- bounce mailbox (BNC-1): the demo mail server's bounce account, read over POP3 -------------
INSERT INTO bounce_mailbox (shop_id, pop3_host, pop3_port, pop3_ssl, pop3_user, pop3_password, envelope_sender)
SELECT s.id, 'localhost', 3110, FALSE, 'bounce@demo.cartflow.test', 'bounce', 'bounce@demo.cartflow.test'
FROM shop s
WHERE s.code = 'demo' AND NOT EXISTS (SELECT 1 FROM bounce_mailbox b WHERE b.shop_id = s.id);

-- ---- inventory tools (MAIL-4, INV-1) ------------------------------------------------------
INSERT INTO inventory_tool (shop_id, tool_code, name, intake_address, forwarding_enabled)
SELECT s.id, v.tool_code, v.name, v.intake_address, v.forwarding_enabled
FROM shop s
CROSS JOIN (VALUES
    ('TEMPOSTAR',   'TEMPOSTAR',   'tempostar@demo.cartflow.test',  TRUE),
    ('ZAIKO_ROBOT', 'zaikoRobot',  'zaikorobot@demo.cartflow.test', FALSE)
) AS v (tool_code, name, intake_address, forwarding_enabled)
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM inventory_tool t WHERE t.shop_id = s.id AND t.tool_code = v.tool_code);

-- INV-1: the demo TEMPOSTAR tool account: user id tempostar, password tempostar (BCrypt hash)
INSERT INTO inventory_tool_account (tool_id, user_id, secret_hash, enabled, created_at, secret_changed_at,
                                    enabled_changed_at)
SELECT t.id, 'tempostar', '{bcrypt}$2a$10$wdd0aSbW1D./Z84W4HCRzeqswTCQP9sIAkgOi6024Rh3853goYyxG', TRUE,
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM inventory_tool t JOIN shop s ON s.id = t.shop_id
WHERE s.code = 'demo' AND t.tool_code = 'TEMPOSTAR'
  AND NOT EXISTS (SELECT 1 FROM inventory_tool_account a WHERE a.tool_id = t.id)
  AND NOT EXISTS (SELECT 1 FROM inventory_tool_account a WHERE a.user_id = 'tempostar');

-- ---- payment methods (SUB-17) ---------------------------------------------------------------
INSERT INTO payment_method (shop_id, code, name, fee, subscription_enabled, enabled, sort_order)
SELECT s.id, v.code, v.name, v.fee, v.subscription_enabled, TRUE, v.sort_order
FROM shop s
CROSS JOIN (VALUES
    ('SBPS_CARD',   'クレジットカード決済（SBペイメントサービス）', 0,   TRUE, 1),
    ('ZEUS_CARD',   'クレジットカード決済（ゼウス）',               0,   TRUE, 2),
    ('COD',         '代金引換',                                     330, TRUE, 3),
    ('NP_DEFERRED', 'NP後払い',                                     220, TRUE, 4)
) AS v (code, name, fee, subscription_enabled, sort_order)
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM payment_method p
                  WHERE p.shop_id = s.id AND p.code = v.code AND p.name = v.name);

-- ---- carriers with tracking URLs (MAIL-2) ---------------------------------------------------
INSERT INTO carrier (shop_id, code, name, tracking_url_template, tracking_number_pattern, sort_order)
SELECT s.id, v.code, v.name, v.url, v.pattern, v.sort_order
FROM shop s
CROSS JOIN (VALUES
    ('yamato',    'ヤマト運輸',
     'https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id={trackingNo}',
     '^[0-9]{12}$', 1),
    ('sagawa',    '佐川急便',
     'https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo={trackingNo}',
     '^[0-9]{12}$', 2),
    ('japanpost', '日本郵便 ゆうパック',
     'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={trackingNo}',
     '^[0-9]{11,12}$', 3)
) AS v (code, name, url, pattern, sort_order)
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM carrier c WHERE c.shop_id = s.id AND c.code = v.code);

-- お届け時間帯: the same five slots for every carrier; mails print the label (SUB-16)
INSERT INTO carrier_time_slot (carrier_id, code, label, sort_order)
SELECT c.id, v.code, v.label, v.sort_order
FROM carrier c
JOIN shop s ON s.id = c.shop_id
CROSS JOIN (VALUES
    ('AM',    '午前中',  1),
    ('14-16', '14〜16時', 2),
    ('16-18', '16〜18時', 3),
    ('18-20', '18〜20時', 4),
    ('19-21', '19〜21時', 5)
) AS v (code, label, sort_order)
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM carrier_time_slot t WHERE t.carrier_id = c.id AND t.code = v.code);

-- every carrier takes every method, except: ゆうパック has no 代金引換 here
INSERT INTO carrier_payment_method (carrier_id, payment_method_id)
SELECT c.id, p.id
FROM carrier c
JOIN shop s ON s.id = c.shop_id
JOIN payment_method p ON p.shop_id = s.id
WHERE s.code = 'demo'
  AND NOT (c.code = 'japanpost' AND p.code = 'COD')
  AND NOT EXISTS (SELECT 1 FROM carrier_payment_method x
                  WHERE x.carrier_id = c.id AND x.payment_method_id = p.id);

-- ---- products (SUB-8, INV-1) ----------------------------------------------------------------
INSERT INTO product (shop_id, product_code, name, price, stock, stock_unlimited,
                     subscription_enabled, subscription_first_price, subscription_repeat_price,
                     cool_delivery)
SELECT s.id, v.product_code, v.name, v.price, v.stock, v.stock_unlimited,
       v.subscription_enabled, v.first_price, v.repeat_price, v.cool_delivery
FROM shop s
CROSS JOIN (VALUES
    ('CF-COFFEE-200', '有機栽培コーヒー豆 中煎り 200g',   1620, 120, FALSE, TRUE,  1296, 1458, FALSE),
    ('CF-TEA-100',    '静岡県産 深蒸し煎茶 100g',         1080,  80, FALSE, TRUE,   864,  972, FALSE),
    ('CF-RICE-5KG',   '新潟県産コシヒカリ 5kg',           3980,  30, FALSE, TRUE,  3580, 3780, FALSE),
    ('CF-MISO-1KG',   '天然醸造 米味噌 1kg（冷蔵）',      1296,   0, FALSE, TRUE,  1166, 1231, TRUE),
    ('CF-GIFT-3000',  'デジタルギフトカード 3,000円分',   3000,   0, TRUE,  FALSE, 3000, 3000, FALSE)
) AS v (product_code, name, price, stock, stock_unlimited, subscription_enabled,
        first_price, repeat_price, cool_delivery)
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM product p WHERE p.shop_id = s.id AND p.product_code = v.product_code);

-- ---- member attribute definitions (MEM-1; 90 company and 91 department are fixed ids) -------
INSERT INTO member_attribute_definition (shop_id, attribute_no, name, attribute_type, options,
                                         required, sort_order)
SELECT s.id, v.attribute_no, v.name, v.attribute_type, NULLIF(v.options, ''), v.required, v.sort_order
FROM shop s
CROSS JOIN (VALUES
    (90, '会社名',           'TEXT_LINE', '', FALSE, 1),
    (91, '部署名',           'TEXT_LINE', '', FALSE, 2),
    (1,  'ご職業',           'PULLDOWN',  '会社員
自営業
公務員
学生
主婦・主夫
その他', FALSE, 3),
    (2,  'ご来店のきっかけ', 'RADIO',     '検索エンジン
SNS
友人・知人の紹介
雑誌・広告
その他', FALSE, 4),
    (3,  '記念日',           'DATE',      '', FALSE, 5),
    (4,  'ご要望',           'TEXT_AREA', '', FALSE, 6)
) AS v (attribute_no, name, attribute_type, options, required, sort_order)
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM member_attribute_definition d
                  WHERE d.shop_id = s.id AND d.attribute_no = v.attribute_no);

-- ---- members (SUB-1, MKT-1, SUB-29 tags) ----------------------------------------------------
INSERT INTO member (shop_id, login_id, email, last_name, first_name, last_name_kana, first_name_kana,
                    corp, corp_kana, corp_post, zipcode, pref, city, address, building, tel, fax,
                    birth_date, points, total_points, buy_times, buy_total, marketing_consent)
SELECT s.id, v.login_id, v.email, v.last_name, v.first_name, v.last_name_kana, v.first_name_kana,
       NULLIF(v.corp, ''), NULLIF(v.corp_kana, ''), NULLIF(v.corp_post, ''),
       v.zipcode, v.pref, v.city, v.address, NULLIF(v.building, ''), v.tel,
       NULLIF(v.fax, ''), v.birth_date, v.points, v.total_points, v.buy_times, v.buy_total, v.marketing_consent
FROM shop s
CROSS JOIN (VALUES
    ('yamada', 'yamada@demo.cartflow.test', '山田', '太郎', 'ヤマダ', 'タロウ',
     '株式会社サンプル', 'カブシキガイシャサンプル', '営業部',
     '150-0002', '東京都', '渋谷区', '渋谷2-21-1', 'サンプルビル 8F', '03-1234-5678', '03-1234-5679',
     DATE '1985-04-12', 1200, 3400, 2, 11982, TRUE),
    ('sato',   'sato@demo.cartflow.test',   '佐藤', '花子', 'サトウ', 'ハナコ',
     '', '', '',
     '530-0001', '大阪府', '大阪市北区', '梅田3-1-1', 'グランドメゾン梅田 1203', '06-2345-6789', '',
     DATE '1990-09-03', 0, 500, 0, 0, FALSE),
    ('suzuki', 'bounce-me@demo.cartflow.test', '鈴木', '一郎', 'スズキ', 'イチロウ',
     '', '', '',
     '460-0008', '愛知県', '名古屋市中区', '栄3-5-12', '', '052-345-6789', '',
     DATE '1978-12-24', 40, 540, 1, 1300, TRUE)
) AS v (login_id, email, last_name, first_name, last_name_kana, first_name_kana,
        corp, corp_kana, corp_post, zipcode, pref, city, address, building, tel, fax,
        birth_date, points, total_points, buy_times, buy_total, marketing_consent)
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM member m WHERE m.shop_id = s.id AND m.login_id = v.login_id);

-- attribute values (dates as ISO yyyy-MM-dd strings)
INSERT INTO member_attribute_value (member_id, definition_id, attribute_value)
SELECT m.id, d.id, v.attribute_value
FROM shop s
JOIN member m ON m.shop_id = s.id
JOIN member_attribute_definition d ON d.shop_id = s.id
JOIN (VALUES
    ('yamada', 90, '株式会社サンプル'),
    ('yamada', 91, '営業部'),
    ('yamada', 1,  '会社員'),
    ('yamada', 2,  '友人・知人の紹介'),
    ('yamada', 3,  '2015-06-20'),
    ('sato',   1,  '主婦・主夫'),
    ('sato',   2,  '検索エンジン'),
    ('sato',   4,  '不在が多いので、配達は夕方以降の時間帯を希望します。
ギフト包装の対応もお願いできると嬉しいです。'),
    ('suzuki', 90, 'スズキ商事合同会社'),
    ('suzuki', 1,  '自営業'),
    ('suzuki', 2,  'SNS')
) AS v (login_id, attribute_no, attribute_value)
  ON v.login_id = m.login_id AND v.attribute_no = d.attribute_no
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM member_attribute_value x
                  WHERE x.member_id = m.id AND x.definition_id = d.id);

-- card on file expiring soon (SUB-27, SUB-29): 山田, expiry 2026/12
INSERT INTO member_card (member_id, gateway, card_token, masked_number, brand, expiry_year,
                         expiry_month, registered_at)
SELECT m.id, 'SBPS', 'demo-sbps-token-yamada-0001', '************4242', 'VISA', 2026, 12,
       TIMESTAMP WITH TIME ZONE '2024-11-01 10:00:00+09:00'
FROM shop s
JOIN member m ON m.shop_id = s.id
WHERE s.code = 'demo' AND m.login_id = 'yamada'
  AND NOT EXISTS (SELECT 1 FROM member_card c WHERE c.member_id = m.id);

-- address book entry (SUB-26)
INSERT INTO member_address (member_id, label, last_name, first_name, last_name_kana, first_name_kana,
                            zipcode, pref, city, address, building, tel)
SELECT m.id, '実家', '山田', '花子', 'ヤマダ', 'ハナコ',
       '960-8041', '福島県', '福島市', '大町4-15', NULL, '024-123-4567'
FROM shop s
JOIN member m ON m.shop_id = s.id
WHERE s.code = 'demo' AND m.login_id = 'yamada'
  AND NOT EXISTS (SELECT 1 FROM member_address a WHERE a.member_id = m.id AND a.label = '実家');

-- ---- orders ---------------------------------------------------------------------------------
-- D-100001 山田 代金引換: 4,320 + 送料 880 + 代引手数料 330 = 5,530
-- D-100002 山田 カード（SBPS、与信済み）: 6,572 + 880 = 7,452
-- D-100003 鈴木 (bounced address) NP後払い: 2,160 + 880 + 220 = 3,260
INSERT INTO customer_order (shop_id, order_no, member_id, ordered_at, email,
                            last_name, first_name, last_name_kana, first_name_kana, tel,
                            zipcode, pref, city, address, building, memo,
                            payment_method_code, payment_method_name, payment_status,
                            subtotal, shipping_fee, payment_fee, cool_fee, discount,
                            points_used, points_earned, total, status)
SELECT s.id, v.order_no, m.id, v.ordered_at, m.email,
       m.last_name, m.first_name, m.last_name_kana, m.first_name_kana, m.tel,
       m.zipcode, m.pref, m.city, m.address, m.building, NULLIF(v.memo, ''),
       v.payment_method_code,
       (SELECT p.name FROM payment_method p WHERE p.shop_id = s.id AND p.code = v.payment_method_code
        ORDER BY p.id FETCH FIRST 1 ROWS ONLY),
       v.payment_status,
       v.subtotal, v.shipping_fee, v.payment_fee, v.cool_fee, 0,
       0, v.points_earned, v.total, v.status
FROM shop s
JOIN member m ON m.shop_id = s.id
JOIN (VALUES
    ('D-100001', 'yamada', TIMESTAMP WITH TIME ZONE '2026-11-18 10:15:00+09:00',
     '午後の配達を希望します。', 'COD', 'UNPAID', 4320, 880, 330, 0, 43, 5530, 'NEW'),
    ('D-100002', 'yamada', TIMESTAMP WITH TIME ZONE '2026-11-20 21:42:00+09:00',
     '', 'SBPS_CARD', 'AUTHORIZED', 6572, 880, 0, 0, 65, 7452, 'PROCESSING'),
    ('D-100003', 'suzuki', TIMESTAMP WITH TIME ZONE '2026-11-21 08:05:00+09:00',
     '', 'NP_DEFERRED', 'AUTH_PENDING', 2160, 880, 220, 0, 21, 3260, 'NEW')
) AS v (order_no, login_id, ordered_at, memo, payment_method_code, payment_status,
        subtotal, shipping_fee, payment_fee, cool_fee, points_earned, total, status)
  ON v.login_id = m.login_id
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM customer_order o WHERE o.shop_id = s.id AND o.order_no = v.order_no);

-- order lines: name/price snapshots from the catalogue
INSERT INTO order_line (order_id, line_no, product_id, product_code, product_name, unit_price, quantity)
SELECT o.id, v.line_no, p.id, p.product_code, p.name, p.price, v.quantity
FROM shop s
JOIN customer_order o ON o.shop_id = s.id
JOIN (VALUES
    ('D-100001', 1, 'CF-COFFEE-200', 2),
    ('D-100001', 2, 'CF-TEA-100',    1),
    ('D-100002', 1, 'CF-RICE-5KG',   1),
    ('D-100002', 2, 'CF-MISO-1KG',   2),
    ('D-100003', 1, 'CF-TEA-100',    2)
) AS v (order_no, line_no, product_code, quantity) ON v.order_no = o.order_no
JOIN product p ON p.shop_id = s.id AND p.product_code = v.product_code
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.line_no = v.line_no);

-- one shipment per order, to the orderer's address, carrier chosen, no tracking number yet
INSERT INTO shipment (order_id, shipment_no, last_name, first_name, last_name_kana, first_name_kana,
                      zipcode, pref, city, address, building, tel,
                      carrier_id, time_slot_code, delivery_date)
SELECT o.id, 1, o.last_name, o.first_name, o.last_name_kana, o.first_name_kana,
       o.zipcode, o.pref, o.city, o.address, o.building, o.tel,
       c.id, v.time_slot_code, v.delivery_date
FROM shop s
JOIN customer_order o ON o.shop_id = s.id
JOIN (VALUES
    ('D-100001', 'yamato',    '14-16', DATE '2026-11-25'),
    ('D-100002', 'sagawa',    'AM',    DATE '2026-11-27'),
    ('D-100003', 'japanpost', '18-20', DATE '2026-11-28')
) AS v (order_no, carrier_code, time_slot_code, delivery_date) ON v.order_no = o.order_no
JOIN carrier c ON c.shop_id = s.id AND c.code = v.carrier_code
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM shipment x WHERE x.order_id = o.id AND x.shipment_no = 1);

-- <!--{orderAttribute id=90}--> / id=91 (MAIL-1)
INSERT INTO order_attribute_value (order_id, attribute_no, attribute_value)
SELECT o.id, v.attribute_no, v.attribute_value
FROM shop s
JOIN customer_order o ON o.shop_id = s.id
JOIN (VALUES
    ('D-100001', 90, '株式会社サンプル'),
    ('D-100001', 91, '営業部'),
    ('D-100002', 90, '株式会社サンプル'),
    ('D-100002', 91, '営業部')
) AS v (order_no, attribute_no, attribute_value) ON v.order_no = o.order_no
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM order_attribute_value x
                  WHERE x.order_id = o.id AND x.attribute_no = v.attribute_no);

-- audit trail
INSERT INTO order_event (order_id, occurred_at, actor, event_type, detail)
SELECT o.id, o.ordered_at, 'demo-data', 'ORDER_PLACED', 'デモデータとして登録'
FROM shop s
JOIN customer_order o ON o.shop_id = s.id
WHERE s.code = 'demo'
  AND o.order_no IN ('D-100001', 'D-100002', 'D-100003')
  AND NOT EXISTS (SELECT 1 FROM order_event e WHERE e.order_id = o.id AND e.event_type = 'ORDER_PLACED');

-- ---- bounce: 鈴木's address is flagged (BNC-2) -------------------------------------------------
INSERT INTO bounce_record (shop_id, email, bounce_kind, bounce_count, first_bounced_at,
                           last_bounced_at, flagged, diagnostic)
SELECT s.id, 'bounce-me@demo.cartflow.test', 'HARD', 1,
       TIMESTAMP WITH TIME ZONE '2026-11-21 08:07:12+09:00',
       TIMESTAMP WITH TIME ZONE '2026-11-21 08:07:12+09:00',
       TRUE, 'smtp; 550 5.1.1 <bounce-me@demo.cartflow.test>: Recipient address rejected: User unknown'
FROM shop s
WHERE s.code = 'demo'
  AND NOT EXISTS (SELECT 1 FROM bounce_record b
                  WHERE b.shop_id = s.id AND b.email = 'bounce-me@demo.cartflow.test');
