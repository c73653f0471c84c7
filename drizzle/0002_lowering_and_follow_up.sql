ALTER TABLE `reports` ADD `lowered_over` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `follows_report_id` text;