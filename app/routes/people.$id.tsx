import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, useLoaderData, useRouteError } from '@remix-run/react';
import { ErrorPage } from '~/components/layout/error-page';
import { ViewedProfileView } from '~/components/profile/viewed-profile';
import { requireUser } from '~/modules/auth/session.server';
import { formatDate } from '~/modules/files/format.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { ProfileIdSchema } from '~/modules/profiles/profile-schemas';
import { getProfileForViewer } from '~/modules/profiles/viewer-profile.server';
import { detectLanguage } from '~/platform/i18n.server';
import profileStyles from '~/styles/profile.css';

export const handle = { i18n: ['common', 'profile'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: profileStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'person');

/**
 * A member's profile as the signed-in viewer may see it. A malformed id, an unknown one and a
 * profile with nothing open to the viewer all get the same 404: the page never tells whether
 * someone is a member.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const id = ProfileIdSchema.safeParse(params.id);
  if (!id.success) throw notFound();
  const language = await detectLanguage(request);
  const profile = await getProfileForViewer(identity, id.data, language);
  if (!profile) throw notFound();
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
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
