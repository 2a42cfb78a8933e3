import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { adminFeature } from './admin.js';
import { broadcastFeature } from './broadcast.js';
import { groupPolicy } from './group-policy.js';
import { supportFeature } from './support.js';
import { supportChatFeature } from './support-chat.js';

/**
 * Position 1 of the feature order: the support chat (owned entirely here), the group policy
 * (chatter in other groups stops here), admin tools, broadcast, and the user's side of support.
 */
export const operatorFeatures = new Composer<BotContext>();
operatorFeatures.use(supportChatFeature);
operatorFeatures.use(groupPolicy);
operatorFeatures.use(adminFeature);
operatorFeatures.use(broadcastFeature);
operatorFeatures.use(supportFeature);
