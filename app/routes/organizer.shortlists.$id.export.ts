import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { OrganizerRefusal } from '~/modules/audit/refusals.server';
import { requirePower } from '~/modules/auth/session.server';
import { MemberIdSchema } from '~/modules/shortlists/shortlist-schemas';
import { csvResponse, shortlistCsv } from '~/modules/shortlists/shortlist-csv.server';
import { exportShortlist } from '~/modules/shortlists/shortlist-export.server';
import { detectLanguage, translator } from '~/platform/i18n.server';

/**
 * The CSV behind "Download the CSV file" on a list's page. POST only: every export counts
 * against the quota and is audited, so nothing (a prefetch, a link) may fetch it unasked. Over
 * quota the organizer is sent back to the list, which says so; an unknown or foreign list is 404.
 */

export async function loader({ params }: LoaderFunctionArgs) {
  const listId = MemberIdSchema.safeParse(params.id);
  return redirect(listId.success ? `/organizer/shortlists/${listId.data}` : '/organizer/shortlists');
}

export async function action({ request, params }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const listId = MemberIdSchema.safeParse(params.id);
  if (!listId.success) throw new Response('Not found', { status: 404 });
  const exported = await exportShortlist(identity, listId.data).catch((error: unknown) => {
    if (!(error instanceof OrganizerRefusal)) throw error;
    if (error.refusal.kind === 'quota') throw redirect(`/organizer/shortlists/${listId.data}?export=quota`);
    throw new Response('Forbidden', { status: 403 });
  });
  if (!exported) throw new Response('Not found', { status: 404 });
  const language = await detectLanguage(request);
  const t = await translator(language, 'shortlists');
  return csvResponse(shortlistCsv(exported, t, language), exported.exportedAt);
}
