import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, useActionData, useLoaderData, useRouteError, useSearchParams } from '@remix-run/react';
import { ContactPanel } from '~/components/contact/contact-panel';
import { ErrorPage } from '~/components/layout/error-page';
import { QuotaNotice } from '~/components/organizer/quota-notice';
import { ViewedProfileView } from '~/components/profile/viewed-profile';
import { OrganizerRefusal } from '~/modules/audit/refusals.server';
import { requirePower, requireUser } from '~/modules/auth/session.server';
import { loadContactPanel, seesContactPanel } from '~/modules/contact/contact-panel.server';
import { OrganizerRequestFormSchema } from '~/modules/contact/contact-schemas';
import { sendContactRequest, withdrawContactRequest } from '~/modules/contact/send-request.server';
import { formatDate } from '~/modules/files/format.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { ProfileIdSchema } from '~/modules/profiles/profile-schemas';
import { getProfileForViewer } from '~/modules/profiles/viewer-profile.server';
import { detectLanguage } from '~/platform/i18n.server';
import contactStyles from '~/styles/contact.css';
import profileStyles from '~/styles/profile.css';
import { withRetryAfter } from '~/platform/rate-limit/retry-after-headers';

export const handle = { i18n: ['common', 'profile', 'audit', 'contact'] };
export const headers: HeadersFunction = withRetryAfter;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: profileStyles },
  { rel: 'stylesheet', href: contactStyles },
];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'person');

/**
 * A member's profile as the signed-in viewer may see it. A malformed id, an unknown one and a
 * profile with nothing open to the viewer all get the same 404: the page never tells whether
 * someone is a member. Organizers open profiles through the audited, quota-bound function: over
 * quota they get a translated 429. Without their second factor they see what members see, and
 * where that is nothing, the prompt for the second factor (for any id alike). An organizer with
 * the second factor also gets the contact panel: the request form or its state, and what an
 * accepted request reveals.
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
  const contact = seesContactPanel(identity, profile.id) ? await loadContactPanel(identity, profile.id, language) : null;
  return json({ profile, isOwn: profile.id === identity.userId, availableFrom: from ? formatDate(from, language) : null, contact });
}

/**
 * The organizer sends a contact request or takes one back. A member who cannot be contacted gets
 * one message whatever the reason; over quota, a translated one.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const id = ProfileIdSchema.safeParse(params.id);
  if (!id.success) throw notFound();
  const submission = await parseForm(request, OrganizerRequestFormSchema);
  if (submission.status !== 'success') return json({ result: submission.reply(), error: null }, { status: 400 });
  if (submission.value.intent === 'withdraw') {
    await withdrawContactRequest(identity, submission.value.requestId);
    return redirect(`/people/${id.data}?withdrawn=1`);
  }
  const outcome = await sendContactRequest(identity, id.data, submission.value.message).catch(async (error: unknown) => {
    if (!(error instanceof OrganizerRefusal)) throw error;
    await requirePower(request, 'organizer');
    throw new Response('Forbidden', { status: 403 });
  });
  if (!outcome.ok) {
    if (outcome.error === 'errors.tooFast') {
      const retryAfter = String(Math.max(1, outcome.retryAfterSeconds));
      return json({ result: submission.reply(), error: outcome.error }, { status: 429, headers: { 'Retry-After': retryAfter } });
    }
    return json({ result: submission.reply(), error: outcome.error }, { status: outcome.error === 'errors.quota' ? 429 : 404 });
  }
  return redirect(`/people/${id.data}?sent=1`);
}

const notFound = () => new Response('Not found', { status: 404 });

export default function Person() {
  const { profile, isOwn, availableFrom, contact } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = searchParams.has('sent') ? 'request.sent' : searchParams.has('withdrawn') ? 'request.withdrawn' : null;
  return (
    <ViewedProfileView profile={profile} isOwn={isOwn} availableFrom={availableFrom}>
      {contact ? <ContactPanel data={contact} lastResult={data?.result} error={data?.error} notice={notice} /> : null}
    </ViewedProfileView>
  );
}

/** The same page as any unknown address (routes/$.tsx). */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 429) return <QuotaNotice namespace="audit" back="/" />;
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
