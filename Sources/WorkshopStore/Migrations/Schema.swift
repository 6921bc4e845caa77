/// The database schema: its migrations in order. A database records each one applied in
/// `schema_migrations` (by name) and their count in `PRAGMA user_version`; opening it applies the
/// rest. Never edit a migration that has shipped: add a new one at the end.
enum Schema {
    static let migrations: [Migration] = [
        .frontDesk,
        .workshopFloor,
        .cashDesk,
        .bookingsAndStock,
        .trust,
        .factsFixedOnOrders,
    ]

    static var currentVersion: Int { migrations.count }

    /// The statuses of an order whose car is in the shop, as SQL. Queries use exactly this text,
    /// so that SQLite uses the partial indexes migration 002 defined with it.
    static let openStatuses = "('estimating','signed','in-work','completed','ready')"

    /// A declined order whose car has not been released yet (its fee, key or belongings may still be
    /// here), as SQL on `orders o`. No index covers it yet; a partial index with this condition would.
    static let declinedUnreleased = "o.status = 'declined' AND o.released_at IS NULL"

    /// The triggers `verify` expects: three per watched table recording changes made outside
    /// Workshop, and those keeping the journal and the tamper log append-only (005-trust). A
    /// frozen list, like the migrations that made them: a table added later gets its own triggers
    /// in its own migration, and its names are added here with it.
    static let safeguardTriggers: [String] = [
        "tamper_settings_insert", "tamper_settings_update", "tamper_settings_delete",
        "tamper_customers_insert", "tamper_customers_update", "tamper_customers_delete",
        "tamper_vehicles_insert", "tamper_vehicles_update", "tamper_vehicles_delete",
        "tamper_orders_insert", "tamper_orders_update", "tamper_orders_delete",
        "tamper_order_lines_insert", "tamper_order_lines_update", "tamper_order_lines_delete",
        "tamper_damage_notes_insert", "tamper_damage_notes_update", "tamper_damage_notes_delete",
        "tamper_belongings_insert", "tamper_belongings_update", "tamper_belongings_delete",
        "tamper_received_documents_insert", "tamper_received_documents_update", "tamper_received_documents_delete",
        "tamper_labor_operations_insert", "tamper_labor_operations_update", "tamper_labor_operations_delete",
        "tamper_parts_insert", "tamper_parts_update", "tamper_parts_delete",
        "tamper_staff_insert", "tamper_staff_update", "tamper_staff_delete",
        "tamper_bays_insert", "tamper_bays_update", "tamper_bays_delete",
        "tamper_assignments_insert", "tamper_assignments_update", "tamper_assignments_delete",
        "tamper_checklist_items_insert", "tamper_checklist_items_update", "tamper_checklist_items_delete",
        "tamper_inspections_insert", "tamper_inspections_update", "tamper_inspections_delete",
        "tamper_inspection_items_insert", "tamper_inspection_items_update", "tamper_inspection_items_delete",
        "tamper_supplements_insert", "tamper_supplements_update", "tamper_supplements_delete",
        "tamper_progress_reports_insert", "tamper_progress_reports_update", "tamper_progress_reports_delete",
        "tamper_notifications_insert", "tamper_notifications_update", "tamper_notifications_delete",
        "tamper_payments_insert", "tamper_payments_update", "tamper_payments_delete",
        "tamper_warranty_terms_insert", "tamper_warranty_terms_update", "tamper_warranty_terms_delete",
        "tamper_followups_insert", "tamper_followups_update", "tamper_followups_delete",
        "tamper_complaints_insert", "tamper_complaints_update", "tamper_complaints_delete",
        "tamper_stock_movements_insert", "tamper_stock_movements_update", "tamper_stock_movements_delete",
        "tamper_jobs_insert", "tamper_jobs_update", "tamper_jobs_delete",
        "tamper_appointments_insert", "tamper_appointments_update", "tamper_appointments_delete",
        "journal_is_append_only_update", "journal_is_append_only_delete",
        "tamper_log_is_append_only_update", "tamper_log_is_append_only_delete",
    ]
}
