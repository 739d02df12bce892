import { errorCodes } from '../errors.js';

export const recertErrors = errorCodes('recert', {
  campaign_not_found: ['not_found', 'Recertification campaign not found'],
  item_not_found: ['not_found', 'Recertification item not found'],
  brand_not_found: ['not_found', 'Brand not found'],
  already_open: ['conflict', 'A recertification campaign is already open for one of these brands'],
  closed: ['conflict', 'The campaign is closed: its items can no longer be answered'],
  already_answered: ['conflict', 'This item was already answered'],
  not_closed: ['conflict', 'The campaign is still open: its evidence is written when it closes'],
  self_review: ['forbidden', 'Nobody recertifies their own access: another reviewer must answer this item'],
});
