-- The event log is the record of what happened to a patient's report: it only grows.
CREATE TRIGGER report_events_no_update BEFORE UPDATE ON report_events
BEGIN
	SELECT RAISE(ABORT, 'report_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER report_events_no_delete BEFORE DELETE ON report_events
BEGIN
	SELECT RAISE(ABORT, 'report_events is append-only');
END;
--> statement-breakpoint
-- Reports are never deleted either: a record that cannot be found is a failure we exist to prevent.
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
BEGIN
	SELECT RAISE(ABORT, 'reports are never deleted');
END;
