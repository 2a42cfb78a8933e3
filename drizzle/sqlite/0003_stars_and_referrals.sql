CREATE TABLE `referrals` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`referrer_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`rewarded_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referrer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_referrer_idx` ON `referrals` (`referrer_id`);--> statement-breakpoint
CREATE TABLE `star_payments` (
	`charge_id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`stars` integer NOT NULL,
	`credit` integer NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'paid' NOT NULL,
	`reversed` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`refunded_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `star_payments_user_idx` ON `star_payments` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `ref_code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_ref_code_uq` ON `users` (`ref_code`);