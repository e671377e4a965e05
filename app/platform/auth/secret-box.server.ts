import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals TOTP secrets before they reach the database (AES-256-GCM, a key derived from the session
 * secret), so a database dump alone cannot mint codes. A value that is not sealed is taken as it
 * is: only the local demo seed writes one, and its secret is printed in the README anyway.
 */

const PREFIX = 'sealed:v1:';

export function createSecretBox(sessionSecret: string) {
  const key = Buffer.from(hkdfSync('sha256', sessionSecret, 'talaka', 'totp-secret-box', 32));
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}${iv.toString('base64url')}.${sealed.toString('base64url')}`;
    },
    open(stored: string): string {
      if (!stored.startsWith(PREFIX)) return stored;
      const [ivText = '', sealedText = ''] = stored.slice(PREFIX.length).split('.');
      const sealed = Buffer.from(sealedText, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8');
    },
  };
}
