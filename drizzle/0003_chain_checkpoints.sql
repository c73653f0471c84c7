CREATE TABLE `chain_checkpoints` (
	`seq` integer PRIMARY KEY NOT NULL,
	`hash` text NOT NULL,
	`at` integer NOT NULL,
	`signature` text NOT NULL,
	`key_id` text NOT NULL
);
--> statement-breakpoint
-- A checkpoint, once signed, is part of the record: it only grows.
CREATE TRIGGER chain_checkpoints_no_update BEFORE UPDATE ON chain_checkpoints
BEGIN
	SELECT RAISE(ABORT, 'chain_checkpoints is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER chain_checkpoints_no_delete BEFORE DELETE ON chain_checkpoints
BEGIN
	SELECT RAISE(ABORT, 'chain_checkpoints is append-only');
END;
