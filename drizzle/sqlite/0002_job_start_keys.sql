ALTER TABLE `jobs` ADD `start_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_start_key_idx` ON `jobs` (`start_key`);