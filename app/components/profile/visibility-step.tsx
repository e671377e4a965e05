import { useForm, type FieldMetadata } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { CheckboxField } from '~/components/ui/checkbox';
import { EmptyState } from '~/components/ui/empty-state';
import {
  AUDIENCES,
  CAPPED_AUDIENCES,
  CONSENT_PURPOSES,
  CONSENT_VERSION,
  type ConsentPurpose,
  type EditableProfile,
} from '~/modules/profiles/profile-model';
import { createVisibilitySchema } from '~/modules/profiles/profile-schemas';
import { ChoiceGroup } from './controls';
import { StepForm, type StepProps } from './step-form';

/**
 * Who sees what, part by part, in plain words. Opening a part to organizers or to members needs
 * the consent for it, given here once with its wording and version; consents held can be
 * withdrawn below, which hides again every part they opened.
 */

const PARTS = ['identity', 'legalName', 'skills', 'bio', 'photo', 'cv'] as const;
const consentField = { visible_to_organizers: 'consentOrganizers', visible_to_members: 'consentMembers' } as const;

const consentedIn = (profile: EditableProfile) => ({
  visible_to_organizers: profile.consents.visible_to_organizers !== null,
  visible_to_members: profile.consents.visible_to_members !== null,
});

export function VisibilityStep({ profile, consentDates, lastResult }: StepProps) {
  const { t } = useTranslation('profile');
  const schema = createVisibilitySchema(consentedIn(profile));
  const { audiences } = profile;
  const [form, fields] = useForm({
    id: 'profile-visibility',
    lastResult,
    defaultValue: { ...audiences, legalName: audiences.legal_name },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const choicesFor = (part: (typeof PARTS)[number]) =>
    (part === 'legalName' || part === 'cv' ? CAPPED_AUDIENCES : AUDIENCES).map((audience) => {
      const key = part === 'cv' && audience === 'organizers' ? 'organizersCv' : audience;
      return { value: audience, label: t(`visibility.audiences.${key}.label`), description: t(`visibility.audiences.${key}.description`) };
    });
  const missing = CONSENT_PURPOSES.filter((purpose) => profile.consents[purpose] === null);
  return (
    <>
      <StepForm form={form} step="visibility" lastResult={lastResult}>
        <p>{t('visibility.intro')}</p>
        {PARTS.map((part) => (
          <ChoiceGroup
            key={part}
            meta={fields[part]}
            legend={t(`visibility.parts.${part}.legend`)}
            hint={t(`visibility.parts.${part}.hint`)}
            choices={choicesFor(part)}
          />
        ))}
        {missing.map((purpose) => (
          <ConsentToGive key={purpose} purpose={purpose} meta={fields[consentField[purpose]]} />
        ))}
      </StepForm>
      <HeldConsents profile={profile} dates={consentDates} />
    </>
  );
}

function ConsentToGive({ purpose, meta }: { purpose: ConsentPurpose; meta: FieldMetadata<boolean | undefined, Record<string, unknown>, string[]> }) {
  const { t } = useTranslation('profile');
  return (
    <section className="consent" aria-labelledby={`${meta.id}-title`}>
      <h2 id={`${meta.id}-title`}>{t(`consent.${purpose}.title`)}</h2>
      <p>{t(`consent.${purpose}.${CONSENT_VERSION}`)}</p>
      <p className="hint">{t('consent.version', { version: CONSENT_VERSION })}</p>
      <CheckboxField meta={meta} label={t(`consent.${purpose}.agree`)} hint={t(`consent.${purpose}.neededWhen`)} namespace="profile" />
    </section>
  );
}

function HeldConsents({ profile, dates }: { profile: EditableProfile; dates: StepProps['consentDates'] }) {
  const { t } = useTranslation('profile');
  const held = CONSENT_PURPOSES.filter((purpose) => profile.consents[purpose] !== null);
  return (
    <section aria-labelledby="consents-held-title">
      <h2 id="consents-held-title">{t('consent.heldTitle')}</h2>
      {held.length === 0 ? (
        <EmptyState title={t('consent.noneHeld')} headingLevel={3}>
          <p>{t('consent.noneHeldNext')}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="consents-held">
            {held.map((purpose) => (
              <li key={purpose}>
                <p>
                  <strong>{t(`consent.${purpose}.title`)}</strong>{' '}
                  {t('consent.givenOn', { date: dates[purpose], version: profile.consents[purpose]!.version })}
                </p>
                {/* Withdrawing only hides: it protects, so it is one click, like "hide my profile now". */}
                <Form method="post" action="/account/profile/consent">
                  <SubmitButton variant="secondary" name="purpose" value={purpose}>
                    {t(`consent.${purpose}.withdraw`)}
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
          <p className="hint">{t('consent.withdrawHint')}</p>
        </>
      )}
    </section>
  );
}
