import { Composer } from 'grammy';
import { broadcastFeature } from '../broadcast/feature.js';
import type { BotContext } from '../context.js';
import { groupPolicy } from '../middlewares/group-policy.js';
import { supportFeature } from '../support/feature.js';
import { supportChatFeature } from '../support/support-chat.js';
import { adminFeature } from './feature.js';

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
