package jp.cartflow.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds N active subscriptions of a realistic shape in a few set-based statements (PostgreSQL): 1–3 items,
 * 70 % monthly (on the day of the delivery date) and 30 % every-N-days, card / card / COD / NP payments,
 * next deliveries spread over six days (Dec 25–30, generated Dec 18–23 at 05:00) so generation times differ, one member per ten subscriptions. The
 * first delivery counts as done, so the next generation is delivery 2.
 */
final class BenchSeeder {

    private BenchSeeder() {
    }

    static void seed(JdbcClient jdbc, int n, boolean authorizeAtGeneration) {
        long shop = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
        jdbc.sql("UPDATE subscription_setting SET lead_days = 7, generation_time = TIME '05:00:00', "
                + "authorize_at_generation = :auth, subscription_enabled = TRUE WHERE shop_id = :shop").param("shop", shop)
                .param("auth", authorizeAtGeneration).update();
        int members = Math.max(1, n / 10);
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, last_name_kana, first_name_kana,
                    zipcode, pref, city, address, tel, points, total_points, buy_times, buy_total, marketing_consent)
                SELECT :shop, 'bench-' || g, 'bench-' || g || '@bench.cartflow.test', '定期', '会員' || g, 'テイキ',
                    'カイイン', '150-0002', '東京都', '渋谷区', '渋谷2-21-1', '03-0000-0000', 0, 0, 0, 0, TRUE
                FROM generate_series(1, :members) g""").param("shop", shop).param("members", members).update();
        // SUB-27: one card per member, alternately SB Payment Service and Zeus; card subscriptions use their
        // member's gateway, so every authorization at generation reaches the (simulated) gateway
        jdbc.sql("""
                INSERT INTO member_card (member_id, gateway, card_token, masked_number, brand, expiry_year, expiry_month)
                SELECT m.id, CASE WHEN (m.id - b.first) % 2 = 0 THEN 'SBPS' ELSE 'ZEUS' END, 'tok-bench-' || m.id,
                    '************4242', 'VISA', 2030, 12
                FROM member m, (SELECT MIN(id) AS first FROM member WHERE login_id LIKE 'bench-%') b
                WHERE m.login_id LIKE 'bench-%'""").update();
        jdbc.sql("""
                INSERT INTO subscription (shop_id, subscription_no, member_id, status, cycle_kind, cycle_day,
                    interval_days, anchor_date, lead_days, carrier_id, time_slot_code, payment_method_code, last_name,
                    first_name, zipcode, pref, city, address, shipping_fee, payment_fee, next_delivery_date,
                    next_generation_at, deliveries_generated, started_at)
                SELECT :shop, 'B' || lpad(g::text, 8, '0'),
                    (SELECT MIN(id) FROM member WHERE login_id LIKE 'bench-%') + (g % :members),
                    'ACTIVE',
                    CASE WHEN g % 10 < 7 THEN 'MONTHLY' ELSE 'INTERVAL' END,
                    CASE WHEN g % 10 < 7 THEN 25 + g % 6 END,
                    CASE WHEN g % 10 >= 7 THEN (ARRAY[14, 21, 28, 30, 45, 60])[1 + g % 6] END,
                    DATE '2026-12-25' + (g % 6),
                    7,
                    (SELECT id FROM carrier WHERE shop_id = :shop AND code = 'yamato'),
                    '14-16',
                    CASE WHEN g % 4 < 2 THEN (CASE WHEN (g % :members) % 2 = 0 THEN 'SBPS_CARD' ELSE 'ZEUS_CARD' END)
                         WHEN g % 4 = 2 THEN 'COD' ELSE 'NP_DEFERRED' END,
                    '定期', '会員' || g, '150-0002', '東京都', '渋谷区', '渋谷2-21-1', 880,
                    CASE WHEN g % 4 = 2 THEN 330 WHEN g % 4 = 3 THEN 220 ELSE 0 END,
                    DATE '2026-12-25' + (g % 6),
                    (TIMESTAMP '2026-12-18 05:00:00' + (g % 6) * INTERVAL '1 day') AT TIME ZONE 'Asia/Tokyo',
                    1,
                    TIMESTAMP WITH TIME ZONE '2026-11-24 10:00:00+09:00'
                FROM generate_series(1, :n) g""")
                .param("shop", shop).param("members", members).param("n", n).update();
        jdbc.sql("""
                INSERT INTO subscription_item (subscription_id, product_id, product_code, product_name, first_price,
                    repeat_price, quantity, deliveries_done, added_at)
                SELECT s.id, p.id, p.product_code, p.name, COALESCE(p.subscription_first_price, p.price),
                    COALESCE(p.subscription_repeat_price, p.price), 1 + (s.id % 2), 1, s.started_at
                FROM subscription s
                JOIN (SELECT id, product_code, name, price, subscription_first_price, subscription_repeat_price,
                        ROW_NUMBER() OVER (ORDER BY id) AS rank FROM product WHERE shop_id = :shop) p
                  ON p.rank <= 1 + (s.id % 3)
                WHERE s.subscription_no LIKE 'B%'""").param("shop", shop).update();
    }
}
