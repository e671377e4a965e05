import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Meter } from '~/components/ui/meter';
import { Toast } from '~/components/ui/toast';
import { STEP_PARTS } from '~/modules/profiles/first-steps';
import { PROFILE_STEPS, type Audience, type ProfilePart, type ProfileStep } from '~/modules/profiles/profile-model';
import { AboutStep } from './about-step';
import { AvailabilityStep } from './availability-step';
import { ContactStep } from './contact-step';
import { DirectionsStep } from './directions-step';
import { IdentityStep } from './identity-step';
import { LanguagesStep } from './languages-step';
import { PlaceStep } from './place-step';
import { SkillsStep } from './skills-step';
import type { StepProps } from './step-form';
import { VisibilityStep } from './visibility-step';

const forms: Record<ProfileStep, (props: StepProps) => React.ReactNode> = {
  identity: IdentityStep,
  about: AboutStep,
  place: PlaceStep,
  languages: LanguagesStep,
  skills: SkillsStep,
  directions: DirectionsStep,
  availability: AvailabilityStep,
  contact: ContactStep,
  visibility: VisibilityStep,
};

/**
 * One step of the editor: where it stands among the steps (in words and as a bar), what was
 * just saved, who sees what it asks for, its form.
 */
export function StepPage({
  step,
  saved,
  withdrawn,
  ...props
}: StepProps & { step: ProfileStep; saved: ProfileStep | null; withdrawn: boolean }) {
  const { t } = useTranslation('profile');
  const StepFormFor = forms[step];
  const position = PROFILE_STEPS.indexOf(step) + 1;
  return (
    <section className="narrow profile-editor" aria-labelledby="step-title">
      <h1 id="step-title">{t(`steps.${step}`)}</h1>
      <Meter
        value={position}
        max={PROFILE_STEPS.length}
        label={t('editor.progress')}
        valueText={t('editor.stepOf', { number: position, total: PROFILE_STEPS.length })}
      />
      {saved ? <Toast tone="success">{t('editor.saved', { step: t(`steps.${saved}`) })}</Toast> : null}
      {withdrawn ? <Toast tone="success">{t('consent.withdrawn')}</Toast> : null}
      <SeenNow parts={STEP_PARTS[step]} audiences={props.profile.audiences} />
      <StepFormFor {...props} />
      <nav aria-label={t('editor.stepsLabel')} className="step-nav">
        <ol>
          {PROFILE_STEPS.map((other) => (
            <li key={other}>
              <Link to={`/account/profile/${other}`} aria-current={other === step ? 'step' : undefined}>
                {t(`steps.${other}`)}
              </Link>
            </li>
          ))}
        </ol>
        <p>
          <Link to="/account/profile">{t('editor.backToOverview')}</Link>
        </p>
      </nav>
    </section>
  );
}

/** Who sees, today, the parts this step fills; nothing for steps that fill no part. */
function SeenNow({ parts, audiences }: { parts: readonly ProfilePart[]; audiences: Record<ProfilePart, Audience> }) {
  const { t } = useTranslation('profile');
  if (parts.length === 0) return null;
  const seenBy = parts.map((part) => t('editor.partSeenBy', { part: t(`parts.${part}`), audience: t(`audienceNames.${audiences[part]}`) }));
  return (
    <p className="seen-now">
      {t('editor.seenNow', { parts: seenBy.join('; ') })} {t('editor.changeLater', { step: t('steps.visibility') })}
    </p>
  );
}
