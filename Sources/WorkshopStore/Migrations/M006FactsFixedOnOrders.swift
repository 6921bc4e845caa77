extension Migration {
    /// The facts an order is fixed under: the pricing terms it was signed (or declined) under and
    /// the warranty promised at release, so that changing a setting later changes the future only.
    /// Orders already past estimating get the best knowledge there is of their terms: the shop's
    /// settings as they stand (the defaults where one was never set, or cannot be read). Released
    /// orders get the term the shop has for the vehicle's class and the order's category, else the
    /// statutory one (domain.md §4). Stock movements whose reason was English text the program
    /// wrote itself lose it: their kind and their order, line or booking already say what
    /// happened, and the screen words it in the shop's language. Reasons people typed stay.
    ///
    /// Frozen: the exact SQL this migration applies. Never edit it once shipped.
    static let factsFixedOnOrders = Migration(name: "006-facts-fixed-on-orders", sql: """
        ALTER TABLE orders ADD COLUMN tax_rate_bp INTEGER;
        ALTER TABLE orders ADD COLUMN prices_include_tax INTEGER;
        ALTER TABLE orders ADD COLUMN labor_rate INTEGER;
        ALTER TABLE orders ADD COLUMN discount_limit INTEGER;
        ALTER TABLE orders ADD COLUMN warranty_km INTEGER;
        ALTER TABLE orders ADD COLUMN warranty_days INTEGER;

        UPDATE orders SET
            tax_rate_bp = coalesce((
                SELECT CAST(round(CAST(rtrim(value, '%') AS REAL) * 100) AS INTEGER) FROM settings
                WHERE key = 'tax_rate' AND rtrim(value, '%') GLOB '[0-9]*' AND rtrim(value, '%') NOT GLOB '*[^0-9.]*'
                  AND CAST(rtrim(value, '%') AS REAL) <= 100), 1300),
            prices_include_tax = coalesce((
                SELECT CASE WHEN lower(value) IN ('no', 'n', 'false', '0', '否', 'off') THEN 0 ELSE 1 END FROM settings
                WHERE key = 'prices_include_tax'), 1),
            labor_rate = coalesce((
                SELECT CAST(round(CAST(value AS REAL) * 100) AS INTEGER) FROM settings
                WHERE key = 'labor_rate' AND value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.]*' AND CAST(value AS REAL) > 0), 12000),
            discount_limit = coalesce((
                SELECT CAST(rtrim(value, '%') AS INTEGER) FROM settings
                WHERE key = 'discount_limit' AND rtrim(value, '%') GLOB '[0-9]*' AND rtrim(value, '%') NOT GLOB '*[^0-9]*'
                  AND CAST(rtrim(value, '%') AS INTEGER) <= 100), 5)
        WHERE status <> 'estimating';

        UPDATE orders SET
            warranty_km = coalesce(
                (SELECT w.km FROM warranty_terms w JOIN vehicles v ON v.class = w.vehicle_class
                 WHERE v.id = orders.vehicle_id AND w.category = orders.category),
                (SELECT CASE v.class
                     WHEN 'car' THEN CASE WHEN orders.category IN ('overhaul', 'assembly') THEN 20000
                                          WHEN orders.category = 'level2' THEN 5000 ELSE 2000 END
                     WHEN 'motorcycle' THEN CASE WHEN orders.category IN ('overhaul', 'assembly') THEN 7000 ELSE 800 END
                     ELSE CASE WHEN orders.category IN ('overhaul', 'assembly') THEN 6000 ELSE 700 END
                 END FROM vehicles v WHERE v.id = orders.vehicle_id)),
            warranty_days = coalesce(
                (SELECT w.days FROM warranty_terms w JOIN vehicles v ON v.class = w.vehicle_class
                 WHERE v.id = orders.vehicle_id AND w.category = orders.category),
                (SELECT CASE v.class
                     WHEN 'car' THEN CASE WHEN orders.category IN ('overhaul', 'assembly') THEN 100
                                          WHEN orders.category = 'level2' THEN 30 ELSE 10 END
                     WHEN 'motorcycle' THEN CASE WHEN orders.category IN ('overhaul', 'assembly') THEN 80 ELSE 10 END
                     ELSE CASE WHEN orders.category IN ('overhaul', 'assembly') THEN 60 ELSE 7 END
                 END FROM vehicles v WHERE v.id = orders.vehicle_id))
        WHERE status = 'released';

        UPDATE stock_movements SET reason = NULL
        WHERE (kind = 'adjust' AND reason IN ('opening stock', 'opening balance'))
           OR (kind = 'reserve' AND reason GLOB 'booking A[0-9]*')
           OR (kind = 'unreserve' AND (reason IN ('cancelled', 'no-show') OR reason GLOB 'arrived: RO[0-9]*'))
           OR (kind = 'return' AND reason LIKE 'line %');
        """)
}
