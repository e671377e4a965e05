import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Notice } from '~/components/ui/notice';
import { PROFILE_STEPS, type ProfileStep } from '~/modules/profiles/profile-model';
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

/** One step of the editor: where it stands among the steps, what was just saved, its form. */
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
      <p className="eyebrow">{t('editor.stepOf', { number: position, total: PROFILE_STEPS.length })}</p>
      <h1 id="step-title">{t(`steps.${step}`)}</h1>
      {saved ? <Notice tone="success">{t('editor.saved', { step: t(`steps.${saved}`) })}</Notice> : null}
      {withdrawn ? <Notice tone="success">{t('consent.withdrawn')}</Notice> : null}
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
