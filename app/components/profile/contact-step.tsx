import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useTranslation } from 'react-i18next';
import { ContactSchema } from '~/modules/profiles/contact-schema';
import { TextInput } from './controls';
import { StepForm, type StepProps } from './step-form';

/**
 * How to reach the member: e-mail, Telegram, Signal, phone, each optional. Nobody else sees them
 * until the member accepts a contact request ("contact is consent"), which the page says first,
 * with a word on choosing channels that keep family at home out of it. The browser's autofill is
 * off: it would offer the everyday number and address, the ones this page advises against.
 */
export function ContactStep({ contacts, lastResult }: StepProps) {
  const { t } = useTranslation('profile');
  const [form, fields] = useForm({
    id: 'profile-contact',
    lastResult,
    defaultValue: {
      email: contacts?.email ?? '',
      telegram: contacts?.telegram ?? '',
      signal: contacts?.signal ?? '',
      phone: contacts?.phone ?? '',
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ContactSchema }),
  });
  return (
    <StepForm form={form} step="contact" lastResult={lastResult}>
      <div className="private-note">
        <p>
          <strong>{t('contact.privateTitle')}</strong> {t('contact.private')}
        </p>
        <p>{t('contact.advice')}</p>
      </div>
      <p className="hint">{t('contact.intro')}</p>
      <TextInput meta={fields.email} type="email" label={t('contact.email')} hint={t('contact.emailHint')} autoComplete="off" />
      <TextInput meta={fields.telegram} label={t('contact.telegram')} hint={t('contact.telegramHint')} autoComplete="off" />
      <TextInput meta={fields.signal} label={t('contact.signal')} hint={t('contact.signalHint')} autoComplete="off" />
      <TextInput meta={fields.phone} type="tel" label={t('contact.phone')} hint={t('contact.phoneHint')} autoComplete="off" />
    </StepForm>
  );
}
