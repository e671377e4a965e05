import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { StepPage } from '~/components/profile/step-page';
import { requireUser } from '~/modules/auth/session.server';
import { formatDate } from '~/modules/files/format.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { loadContactChannels, loadEditableProfile } from '~/modules/profiles/editable-profile.server';
import { CONSENT_PURPOSES, type ConsentPurpose } from '~/modules/profiles/profile-model';
import { pathAfterSaving, requireProfileStep, savedStep, submitProfileStep } from '~/modules/profiles/profile-steps.server';
import { loadReferenceOptions } from '~/modules/profiles/reference-options.server';
import { detectLanguage } from '~/platform/i18n.server';
import profileStyles from '~/styles/profile.css';

export const handle = { i18n: ['common', 'profile'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: profileStyles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.step === 'visibility' ? 'privacySettings' : 'editProfile');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const step = requireProfileStep(params.step);
  const language = await detectLanguage(request);
  // Contact channels travel only to their own step's page.
  const [profile, options, contacts] = await Promise.all([
    loadEditableProfile(identity),
    loadReferenceOptions(identity, language),
    step === 'contact' ? loadContactChannels(identity) : null,
  ]);
  const withdrawn = new URL(request.url).searchParams.has('withdrawn');
  // Written by the server: Chromium has no Belarusian dates, and hydration needs the same text.
  const consentDates = Object.fromEntries(
    CONSENT_PURPOSES.map((purpose) => [purpose, profile.consents[purpose] ? formatDate(profile.consents[purpose].grantedAt, language) : null]),
  ) as Record<ConsentPurpose, string | null>;
  return json({ step, profile, options, contacts, consentDates, saved: savedStep(request), withdrawn });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  const step = requireProfileStep(params.step);
  const { result, saved, status } = await submitProfileStep(request, identity, step);
  if (saved) return redirect(pathAfterSaving(step));
  return json({ result }, { status });
}

export default function EditProfileStep() {
  const { step, profile, options, contacts, consentDates, saved, withdrawn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <StepPage
      key={step}
      step={step}
      saved={saved}
      withdrawn={withdrawn}
      profile={profile}
      options={options}
      contacts={contacts}
      consentDates={consentDates}
      lastResult={actionData?.result}
    />
  );
}
