CREATE TABLE `access_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` text NOT NULL,
	`at` integer NOT NULL,
	`viewer_id` text NOT NULL,
	`viewer_role` text NOT NULL,
	`viewer_name` text NOT NULL,
	`viewer_channel` text,
	`viewer_credential` text,
	`via` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`viewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_log_report_idx` ON `access_log` (`report_id`,`seq`);--> statement-breakpoint
ALTER TABLE `chain_checkpoints` ADD `access_seq` integer;--> statement-breakpoint
ALTER TABLE `chain_checkpoints` ADD `access_hash` text;--> statement-breakpoint
-- Who opened a patient's report is part of the record: it only grows.
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
	SELECT RAISE(ABORT, 'access_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
	SELECT RAISE(ABORT, 'access_log is append-only');
END;
