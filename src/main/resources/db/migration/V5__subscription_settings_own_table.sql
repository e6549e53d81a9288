-- The subscription settings and the SUB-13 numbering counter move from the shop row to a table of their own,
-- owned by the subscription room (issue 10, "one owner per fact"): until now two rooms wrote the shop row. The
-- values are copied for every existing shop, then the columns leave the shop table. Constraints keep their meaning
-- under new names. One statement per change, so H2 and PostgreSQL read it alike.

CREATE TABLE subscription_setting (
    shop_id                         BIGINT        NOT NULL,
    -- SUB-31: feature switch and "stop new subscriptions"
    subscription_enabled            BOOLEAN       DEFAULT FALSE NOT NULL,
    new_subscriptions_stopped       BOOLEAN       DEFAULT FALSE NOT NULL,
    -- SUB-4: generation lead time L (days before the delivery date) and time of day (Asia/Tokyo)
    lead_days                       INTEGER       DEFAULT 7 NOT NULL,
    generation_time                 TIME          DEFAULT TIME '05:00:00' NOT NULL,
    -- SUB-5 与信を同時に実行する
    authorize_at_generation         BOOLEAN       DEFAULT FALSE NOT NULL,
    -- SUB-9: decrement stock on generated orders, off by default
    decrement_stock_on_generation   BOOLEAN       DEFAULT FALSE NOT NULL,
    -- SUB-3: which cycle kinds and which N range checkout / my-page may offer
    monthly_cycle_enabled           BOOLEAN       DEFAULT TRUE NOT NULL,
    interval_cycle_enabled          BOOLEAN       DEFAULT FALSE NOT NULL,
    interval_min_days               INTEGER,
    interval_max_days               INTEGER,
    -- SUB-11 perks for subscription orders
    perk_free_shipping              BOOLEAN       DEFAULT FALSE NOT NULL,
    perk_shipping_discount          BIGINT        DEFAULT 0 NOT NULL,
    perk_free_payment_fee           BOOLEAN       DEFAULT FALSE NOT NULL,
    -- SUB-12 points: X yen = 1 point (rounded down)
    points_enabled                  BOOLEAN       DEFAULT FALSE NOT NULL,
    points_rate_yen                 INTEGER       DEFAULT 100 NOT NULL,
    -- SUB-13 numbering; numbering_next is the next sequence value, handed out under a lock of this row
    numbering_rule                  VARCHAR(20)   DEFAULT 'SYSTEM' NOT NULL,
    numbering_prefix                VARCHAR(10),
    numbering_digits                INTEGER,
    numbering_initial               BIGINT,
    numbering_date_hyphen           BOOLEAN       DEFAULT FALSE NOT NULL,
    numbering_next                  BIGINT        DEFAULT 1 NOT NULL,
    -- SUB-26: what a member may change on my-page
    mypage_change_cycle             BOOLEAN       DEFAULT FALSE NOT NULL,
    mypage_change_payment           BOOLEAN       DEFAULT FALSE NOT NULL,
    mypage_change_address           BOOLEAN       DEFAULT FALSE NOT NULL,
    -- SUB-29 card-expiry reminder: automatic send and the "about to expire" window
    card_expiry_reminder_auto       BOOLEAN       DEFAULT FALSE NOT NULL,
    card_expiry_window_days         INTEGER       DEFAULT 30 NOT NULL,
    updated_at                      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_subscription_setting PRIMARY KEY (shop_id),
    CONSTRAINT fk_subscription_setting_shop FOREIGN KEY (shop_id) REFERENCES shop (id),
    CONSTRAINT ck_subscription_setting_numbering_rule
        CHECK (numbering_rule IN ('SYSTEM', 'SEQUENCE', 'PREFIX_SEQUENCE', 'DATE_SEQUENCE')),
    CONSTRAINT ck_subscription_setting_numbering_digits
        CHECK (numbering_digits IS NULL OR numbering_digits BETWEEN 5 AND 10),
    CONSTRAINT ck_subscription_setting_numbering_custom
        CHECK (numbering_rule = 'SYSTEM' OR numbering_digits IS NOT NULL),
    CONSTRAINT ck_subscription_setting_numbering_prefix
        CHECK (numbering_rule <> 'PREFIX_SEQUENCE' OR numbering_prefix IS NOT NULL),
    CONSTRAINT ck_subscription_setting_lead_days CHECK (lead_days >= 0),
    CONSTRAINT ck_subscription_setting_interval_range
        CHECK (interval_min_days IS NULL OR interval_max_days IS NULL
               OR (interval_min_days > 0 AND interval_min_days <= interval_max_days)),
    CONSTRAINT ck_subscription_setting_perk_discount CHECK (perk_shipping_discount >= 0),
    CONSTRAINT ck_subscription_setting_points_rate CHECK (points_rate_yen > 0),
    CONSTRAINT ck_subscription_setting_card_window CHECK (card_expiry_window_days >= 0)
);

INSERT INTO subscription_setting (shop_id, subscription_enabled, new_subscriptions_stopped, lead_days,
        generation_time, authorize_at_generation, decrement_stock_on_generation, monthly_cycle_enabled,
        interval_cycle_enabled, interval_min_days, interval_max_days, perk_free_shipping, perk_shipping_discount,
        perk_free_payment_fee, points_enabled, points_rate_yen, numbering_rule, numbering_prefix, numbering_digits,
        numbering_initial, numbering_date_hyphen, numbering_next, mypage_change_cycle, mypage_change_payment,
        mypage_change_address, card_expiry_reminder_auto, card_expiry_window_days, updated_at)
SELECT id, subscription_enabled, new_subscriptions_stopped, lead_days,
        generation_time, authorize_at_generation, decrement_stock_on_generation, monthly_cycle_enabled,
        interval_cycle_enabled, interval_min_days, interval_max_days, perk_free_shipping, perk_shipping_discount,
        perk_free_payment_fee, points_enabled, points_rate_yen, numbering_rule, numbering_prefix, numbering_digits,
        numbering_initial, numbering_date_hyphen, numbering_next, mypage_change_cycle, mypage_change_payment,
        mypage_change_address, card_expiry_reminder_auto, card_expiry_window_days, updated_at
FROM shop;

ALTER TABLE shop DROP CONSTRAINT ck_shop_numbering_rule;
ALTER TABLE shop DROP CONSTRAINT ck_shop_numbering_digits;
ALTER TABLE shop DROP CONSTRAINT ck_shop_numbering_custom;
ALTER TABLE shop DROP CONSTRAINT ck_shop_numbering_prefix;
ALTER TABLE shop DROP CONSTRAINT ck_shop_lead_days;
ALTER TABLE shop DROP CONSTRAINT ck_shop_interval_range;
ALTER TABLE shop DROP CONSTRAINT ck_shop_perk_discount;
ALTER TABLE shop DROP CONSTRAINT ck_shop_points_rate;
ALTER TABLE shop DROP CONSTRAINT ck_shop_card_window;

ALTER TABLE shop DROP COLUMN subscription_enabled;
ALTER TABLE shop DROP COLUMN new_subscriptions_stopped;
ALTER TABLE shop DROP COLUMN lead_days;
ALTER TABLE shop DROP COLUMN generation_time;
ALTER TABLE shop DROP COLUMN authorize_at_generation;
ALTER TABLE shop DROP COLUMN decrement_stock_on_generation;
ALTER TABLE shop DROP COLUMN monthly_cycle_enabled;
ALTER TABLE shop DROP COLUMN interval_cycle_enabled;
ALTER TABLE shop DROP COLUMN interval_min_days;
ALTER TABLE shop DROP COLUMN interval_max_days;
ALTER TABLE shop DROP COLUMN perk_free_shipping;
ALTER TABLE shop DROP COLUMN perk_shipping_discount;
ALTER TABLE shop DROP COLUMN perk_free_payment_fee;
ALTER TABLE shop DROP COLUMN points_enabled;
ALTER TABLE shop DROP COLUMN points_rate_yen;
ALTER TABLE shop DROP COLUMN numbering_rule;
ALTER TABLE shop DROP COLUMN numbering_prefix;
ALTER TABLE shop DROP COLUMN numbering_digits;
ALTER TABLE shop DROP COLUMN numbering_initial;
ALTER TABLE shop DROP COLUMN numbering_date_hyphen;
ALTER TABLE shop DROP COLUMN numbering_next;
ALTER TABLE shop DROP COLUMN mypage_change_cycle;
ALTER TABLE shop DROP COLUMN mypage_change_payment;
ALTER TABLE shop DROP COLUMN mypage_change_address;
ALTER TABLE shop DROP COLUMN card_expiry_reminder_auto;
ALTER TABLE shop DROP COLUMN card_expiry_window_days;

-- subscription publishes its SUB-9 switch for inventory, which reacts to generated orders
CREATE VIEW subscription_stock_policy_view AS
SELECT shop_id, decrement_stock_on_generation
FROM subscription_setting;
