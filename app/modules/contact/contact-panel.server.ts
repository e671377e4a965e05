import type { ContactPanelData } from '~/components/contact/contact-panel';
import { formatDate } from '~/modules/files/format.server';
import type { Identity } from '~/platform/db/client.server';
import type { Language } from '~/i18n/config';
import { readMyRequestTo, revealContact } from './organizer-requests.server';

/**
 * What the contact panel of a profile shows an organizer: their latest request to the member
 * and, when it was accepted, the reveal (audited and counted each time it is shown).
 */
export async function loadContactPanel(identity: Identity, memberId: string, language: Language): Promise<ContactPanelData> {
  const request = await readMyRequestTo(identity, memberId);
  const reveal = request?.status === 'accepted' ? await revealContact(identity, memberId) : { revealed: null, quota: false };
  return {
    memberId,
    request: request
      ? {
          id: request.id,
          status: request.status,
          sentOn: formatDate(request.createdAt, language),
        }
      : null,
    canAsk: !request || request.status === 'withdrawn' || (request.status === 'declined' && declinedLongAgo(request.answeredAt)),
    revealed: reveal.revealed,
    revealQuota: reveal.quota,
  };
}

/** A "no" holds for 90 days (app.send_contact_request refuses a new request until then). */
const DECLINE_HOLDS_MS = 90 * 24 * 60 * 60 * 1000;
const declinedLongAgo = (answeredAt: string | null) => answeredAt !== null && Date.now() - Date.parse(answeredAt) > DECLINE_HOLDS_MS;

/** Only an organizer with the second factor, looking at someone else, gets the panel. */
export function seesContactPanel(identity: Identity, memberId: string) {
  return identity.roles.includes('organizer') && identity.aal === 'aal2' && identity.userId !== memberId;
}
