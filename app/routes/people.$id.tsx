import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/layout/error-page';
import { ViewedProfileView } from '~/components/profile/viewed-profile';
import { OrganizerRefusal } from '~/modules/audit/refusals.server';
import { requirePower, requireUser } from '~/modules/auth/session.server';
import { formatDate } from '~/modules/files/format.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { ProfileIdSchema } from '~/modules/profiles/profile-schemas';
import { getProfileForViewer } from '~/modules/profiles/viewer-profile.server';
import { detectLanguage } from '~/platform/i18n.server';
import profileStyles from '~/styles/profile.css';

export const handle = { i18n: ['common', 'profile', 'audit'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: profileStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'person');

/**
 * A member's profile as the signed-in viewer may see it. A malformed id, an unknown one and a
 * profile with nothing open to the viewer all get the same 404: the page never tells whether
 * someone is a member. Organizers open profiles through the audited, quota-bound function: over
 * quota they get a translated 429. Without their second factor they see what members see, and
 * where that is nothing, the prompt for the second factor (for any id alike).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const id = ProfileIdSchema.safeParse(params.id);
  if (!id.success) throw notFound();
  const language = await detectLanguage(request);
  const profile = await getProfileForViewer(identity, id.data, language).catch(async (error: unknown) => {
    if (!(error instanceof OrganizerRefusal)) throw error;
    if (error.refusal.kind === 'quota') throw json({ quota: error.refusal.action }, { status: 429 });
    // Sends an organizer without a second factor to give it; anyone else who lost the power: 403.
    await requirePower(request, 'organizer');
    throw new Response('Forbidden', { status: 403 });
  });
  if (!profile) {
    // Parts opened to organizers need the second factor: ask for it before answering 404.
    if (identity.roles.includes('organizer') && identity.aal !== 'aal2') await requirePower(request, 'organizer');
    throw notFound();
  }
  // Written by the server: Chromium has no Belarusian dates, and hydration needs the same text.
  const from = profile.availability?.availableFrom;
  return json({ profile, isOwn: profile.id === identity.userId, availableFrom: from ? formatDate(from, language) : null });
}

const notFound = () => new Response('Not found', { status: 404 });

export default function Person() {
  const { profile, isOwn, availableFrom } = useLoaderData<typeof loader>();
  return <ViewedProfileView profile={profile} isOwn={isOwn} availableFrom={availableFrom} />;
}

/** The same page as any unknown address (routes/$.tsx). */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 429) return <QuotaNotice />;
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

/** What an organizer sees when the day's profile views are used up (a 429). */
function QuotaNotice() {
  const { t } = useTranslation('audit');
  return (
    <section className="narrow" aria-labelledby="quota-title">
      <p className="eyebrow">{t('quota.status')}</p>
      <h1 id="quota-title">{t('quota.title')}</h1>
      <p>{t('quota.body')}</p>
      <p>
        <Link to="/">{t('quota.back')}</Link>
      </p>
    </section>
  );
}
