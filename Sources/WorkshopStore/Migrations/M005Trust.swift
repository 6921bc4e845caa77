extension Migration {
    /// Trust: PINs, the journal as a hash chain, and a record of any change made outside Workshop
    /// (three triggers per table, logging into tamper_log unless Workshop's writer mark is set).
    /// Afterwards the journal written before the chain existed is sealed (`sealJournal`).
    ///
    /// Frozen: the exact SQL this migration applied when it shipped, written out literally so that
    /// no later change to the program can alter what an old database is upgraded with. Never edit it.
    static let trust = Migration(name: "005-trust", then: .sealJournal, sql: """
        ALTER TABLE staff ADD COLUMN pin_hash TEXT;
        ALTER TABLE staff ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE staff ADD COLUMN locked_until INTEGER;

        DROP TRIGGER journal_is_append_only_update;
        ALTER TABLE journal ADD COLUMN prev_hash TEXT;
        ALTER TABLE journal ADD COLUMN hash TEXT;

        -- Workshop marks its own write transactions here; a change to a table without the mark
        -- was made behind Workshop's back and lands in tamper_log, which `verify` reports.
        CREATE TABLE writer_mark (id INTEGER PRIMARY KEY);
        CREATE TABLE tamper_log (
            id     INTEGER PRIMARY KEY,
            tbl    TEXT NOT NULL,
            op     TEXT NOT NULL,
            row_id TEXT,
            at     TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TRIGGER tamper_log_is_append_only_update BEFORE UPDATE ON tamper_log
            BEGIN SELECT RAISE(ABORT, 'the tamper log is append-only'); END;
        CREATE TRIGGER tamper_log_is_append_only_delete BEFORE DELETE ON tamper_log
            BEGIN SELECT RAISE(ABORT, 'the tamper log is append-only'); END;
        CREATE TRIGGER tamper_settings_insert AFTER INSERT ON settings
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('settings', 'insert', NEW.key); END;
        CREATE TRIGGER tamper_settings_update AFTER UPDATE ON settings
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('settings', 'update', NEW.key); END;
        CREATE TRIGGER tamper_settings_delete AFTER DELETE ON settings
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('settings', 'delete', OLD.key); END;
        CREATE TRIGGER tamper_customers_insert AFTER INSERT ON customers
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('customers', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_customers_update AFTER UPDATE ON customers
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('customers', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_customers_delete AFTER DELETE ON customers
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('customers', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_vehicles_insert AFTER INSERT ON vehicles
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('vehicles', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_vehicles_update AFTER UPDATE ON vehicles
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('vehicles', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_vehicles_delete AFTER DELETE ON vehicles
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('vehicles', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_orders_insert AFTER INSERT ON orders
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('orders', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_orders_update AFTER UPDATE ON orders
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('orders', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_orders_delete AFTER DELETE ON orders
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('orders', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_order_lines_insert AFTER INSERT ON order_lines
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('order_lines', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_order_lines_update AFTER UPDATE ON order_lines
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('order_lines', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_order_lines_delete AFTER DELETE ON order_lines
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('order_lines', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_damage_notes_insert AFTER INSERT ON damage_notes
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('damage_notes', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_damage_notes_update AFTER UPDATE ON damage_notes
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('damage_notes', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_damage_notes_delete AFTER DELETE ON damage_notes
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('damage_notes', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_belongings_insert AFTER INSERT ON belongings
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('belongings', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_belongings_update AFTER UPDATE ON belongings
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('belongings', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_belongings_delete AFTER DELETE ON belongings
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('belongings', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_received_documents_insert AFTER INSERT ON received_documents
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('received_documents', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_received_documents_update AFTER UPDATE ON received_documents
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('received_documents', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_received_documents_delete AFTER DELETE ON received_documents
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('received_documents', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_labor_operations_insert AFTER INSERT ON labor_operations
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('labor_operations', 'insert', NEW.code); END;
        CREATE TRIGGER tamper_labor_operations_update AFTER UPDATE ON labor_operations
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('labor_operations', 'update', NEW.code); END;
        CREATE TRIGGER tamper_labor_operations_delete AFTER DELETE ON labor_operations
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('labor_operations', 'delete', OLD.code); END;
        CREATE TRIGGER tamper_parts_insert AFTER INSERT ON parts
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('parts', 'insert', NEW.part_no); END;
        CREATE TRIGGER tamper_parts_update AFTER UPDATE ON parts
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('parts', 'update', NEW.part_no); END;
        CREATE TRIGGER tamper_parts_delete AFTER DELETE ON parts
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('parts', 'delete', OLD.part_no); END;
        CREATE TRIGGER tamper_staff_insert AFTER INSERT ON staff
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('staff', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_staff_update AFTER UPDATE ON staff
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('staff', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_staff_delete AFTER DELETE ON staff
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('staff', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_bays_insert AFTER INSERT ON bays
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('bays', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_bays_update AFTER UPDATE ON bays
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('bays', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_bays_delete AFTER DELETE ON bays
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('bays', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_assignments_insert AFTER INSERT ON assignments
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('assignments', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_assignments_update AFTER UPDATE ON assignments
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('assignments', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_assignments_delete AFTER DELETE ON assignments
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('assignments', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_checklist_items_insert AFTER INSERT ON checklist_items
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('checklist_items', 'insert', NEW.stage || '/' || NEW.code); END;
        CREATE TRIGGER tamper_checklist_items_update AFTER UPDATE ON checklist_items
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('checklist_items', 'update', NEW.stage || '/' || NEW.code); END;
        CREATE TRIGGER tamper_checklist_items_delete AFTER DELETE ON checklist_items
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('checklist_items', 'delete', OLD.stage || '/' || OLD.code); END;
        CREATE TRIGGER tamper_inspections_insert AFTER INSERT ON inspections
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('inspections', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_inspections_update AFTER UPDATE ON inspections
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('inspections', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_inspections_delete AFTER DELETE ON inspections
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('inspections', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_inspection_items_insert AFTER INSERT ON inspection_items
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('inspection_items', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_inspection_items_update AFTER UPDATE ON inspection_items
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('inspection_items', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_inspection_items_delete AFTER DELETE ON inspection_items
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('inspection_items', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_supplements_insert AFTER INSERT ON supplements
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('supplements', 'insert', NEW.order_id || '/' || NEW.line_number); END;
        CREATE TRIGGER tamper_supplements_update AFTER UPDATE ON supplements
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('supplements', 'update', NEW.order_id || '/' || NEW.line_number); END;
        CREATE TRIGGER tamper_supplements_delete AFTER DELETE ON supplements
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('supplements', 'delete', OLD.order_id || '/' || OLD.line_number); END;
        CREATE TRIGGER tamper_progress_reports_insert AFTER INSERT ON progress_reports
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('progress_reports', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_progress_reports_update AFTER UPDATE ON progress_reports
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('progress_reports', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_progress_reports_delete AFTER DELETE ON progress_reports
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('progress_reports', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_notifications_insert AFTER INSERT ON notifications
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('notifications', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_notifications_update AFTER UPDATE ON notifications
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('notifications', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_notifications_delete AFTER DELETE ON notifications
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('notifications', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_payments_insert AFTER INSERT ON payments
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('payments', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_payments_update AFTER UPDATE ON payments
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('payments', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_payments_delete AFTER DELETE ON payments
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('payments', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_warranty_terms_insert AFTER INSERT ON warranty_terms
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('warranty_terms', 'insert', NEW.vehicle_class || '/' || NEW.category); END;
        CREATE TRIGGER tamper_warranty_terms_update AFTER UPDATE ON warranty_terms
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('warranty_terms', 'update', NEW.vehicle_class || '/' || NEW.category); END;
        CREATE TRIGGER tamper_warranty_terms_delete AFTER DELETE ON warranty_terms
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('warranty_terms', 'delete', OLD.vehicle_class || '/' || OLD.category); END;
        CREATE TRIGGER tamper_followups_insert AFTER INSERT ON followups
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('followups', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_followups_update AFTER UPDATE ON followups
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('followups', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_followups_delete AFTER DELETE ON followups
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('followups', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_complaints_insert AFTER INSERT ON complaints
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('complaints', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_complaints_update AFTER UPDATE ON complaints
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('complaints', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_complaints_delete AFTER DELETE ON complaints
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('complaints', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_stock_movements_insert AFTER INSERT ON stock_movements
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('stock_movements', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_stock_movements_update AFTER UPDATE ON stock_movements
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('stock_movements', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_stock_movements_delete AFTER DELETE ON stock_movements
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('stock_movements', 'delete', OLD.rowid); END;
        CREATE TRIGGER tamper_jobs_insert AFTER INSERT ON jobs
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('jobs', 'insert', NEW.code); END;
        CREATE TRIGGER tamper_jobs_update AFTER UPDATE ON jobs
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('jobs', 'update', NEW.code); END;
        CREATE TRIGGER tamper_jobs_delete AFTER DELETE ON jobs
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('jobs', 'delete', OLD.code); END;
        CREATE TRIGGER tamper_appointments_insert AFTER INSERT ON appointments
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('appointments', 'insert', NEW.rowid); END;
        CREATE TRIGGER tamper_appointments_update AFTER UPDATE ON appointments
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('appointments', 'update', NEW.rowid); END;
        CREATE TRIGGER tamper_appointments_delete AFTER DELETE ON appointments
            WHEN NOT EXISTS (SELECT 1 FROM writer_mark)
            BEGIN INSERT INTO tamper_log(tbl, op, row_id) VALUES ('appointments', 'delete', OLD.rowid); END;
        """)
}
