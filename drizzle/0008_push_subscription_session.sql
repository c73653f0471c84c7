-- Alerts belong to the sign-in that enabled them. Subscriptions from before this have no sign-in to end
-- with, so a shared device would keep alerting whoever enabled it last: they go, and staff enable alerts again.
DELETE FROM `push_subscriptions`;--> statement-breakpoint
ALTER TABLE `push_subscriptions` ADD `session_id` text REFERENCES sessions(id) ON DELETE cascade;--> statement-breakpoint
CREATE INDEX `push_subscriptions_session_idx` ON `push_subscriptions` (`session_id`);
