import type { Tx } from '../db/client.server';
import { translator } from '../i18n.server';
import type { OtpType } from '../auth/types';
import { enqueueMail } from './outbox.server';
import type { Language } from '~/i18n/config';

/**
 * The mails of the built-in identity provider, written in the reader's language.
 * `already-registered` answers a sign-up for an address that has an account: the person who
 * owns the inbox learns of it; the person who typed the address learns nothing.
 */

export type AuthMailKind = 'confirm-signup' | 'already-registered' | 'reset-password' | 'magic-link';

const linkType: Record<Exclude<AuthMailKind, 'already-registered'>, OtpType> = {
  'confirm-signup': 'signup',
  'reset-password': 'recovery',
  'magic-link': 'magiclink',
};

export async function enqueueAuthMail(
  tx: Tx,
  input: { kind: AuthMailKind; to: string; language: Language; appUrl: string; token?: string },
) {
  const t = await translator(input.language, 'mail');
  let link = `${input.appUrl}/sign-in?lng=${input.language}`;
  if (input.kind !== 'already-registered') {
    const params = new URLSearchParams({ token_hash: input.token!, type: linkType[input.kind], lng: input.language });
    link = `${input.appUrl}/auth/confirm?${params}`;
  }
  await enqueueMail(tx, {
    to: input.to,
    template: input.kind,
    language: input.language,
    subject: t(`${input.kind}.subject`),
    text: [t(`${input.kind}.body`, { link }), '', t('footer')].join('\n'),
  });
}
