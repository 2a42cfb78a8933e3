import { callbackData } from '../transport/callback-data.js';

/** The /start menu's buttons; money's balance screen answers one of them. */
export type MenuItem = 'models' | 'balance' | 'help' | 'support';
export const menuData = (item: MenuItem): string => callbackData('menu', item);

/** The /help topics, in button order. */
export const HELP_TOPICS = ['images', 'midjourney', 'video', 'money', 'account'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];
export const helpData = (topic: HelpTopic): string => callbackData('help', topic);
export const isHelpTopic = (value: unknown): value is HelpTopic =>
  (HELP_TOPICS as readonly unknown[]).includes(value);
