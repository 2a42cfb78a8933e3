import { callbackData } from '../transport/callback-data.js';

/** The /start menu's buttons; money's balance screen answers one of them. */
export type MenuItem = 'models' | 'balance' | 'help' | 'support';
export const menuData = (item: MenuItem): string => callbackData('menu', item);
