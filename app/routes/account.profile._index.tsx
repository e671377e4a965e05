import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ProfileOverview } from '~/components/profile/overview';
import { requireUser } from '~/modules/auth/session.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { profileCompleteness } from '~/modules/profiles/completeness';
import { listContactKinds, loadEditableProfile } from '~/modules/profiles/editable-profile.server';
import { savedStep } from '~/modules/profiles/profile-steps.server';
import profileStyles from '~/styles/profile.css';

export const handle = { i18n: ['common', 'profile'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: profileStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'profile');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const [profile, contactKinds] = await Promise.all([loadEditableProfile(identity), listContactKinds(identity)]);
  return json({ completeness: profileCompleteness(profile), audiences: profile.audiences, contactKinds, saved: savedStep(request) });
}

export default function ProfileOverviewPage() {
  const data = useLoaderData<typeof loader>();
  return <ProfileOverview {...data} />;
}
