import { createHash } from 'node:crypto';
import type { BaseIdentity } from '~/platform/auth/types';
import { runtime } from '~/platform/runtime.server';

/**
 * The generated avatar shown when a member has no photo (or the viewer may not see it): the
 * initials of the display name on a colour derived from the profile id, drawn with the system's
 * own fonts. A viewer who may not see the name gets a neutral silhouette instead, the same for a
 * hidden profile and for one that does not exist.
 */

/** The display name as this viewer may see it (profile_for_viewer decides), or null. */
export async function displayNameForViewer(identity: BaseIdentity | null, profileId: string) {
  if (!identity) return null;
  const [row] = await runtime().db.asUser(
    identity,
    (tx) => tx`select app.profile_for_viewer(${profileId}::uuid) ->> 'display_name' as name`,
  );
  return (row?.name as string | null | undefined) ?? null;
}

export function avatarSvg(profileId: string, displayName: string | null) {
  const background = avatarColour(profileId);
  const initials = displayName ? initialsOf(displayName) : '';
  const figure = initials
    ? `<text x="64" y="64" dy="0.35em" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif" font-size="52" font-weight="600" fill="#ffffff">${escapeXml(initials)}</text>`
    : '<circle cx="64" cy="50" r="22" fill="#ffffff" fill-opacity="0.85"/><path d="M22 120c3-26 20-40 42-40s39 14 42 40z" fill="#ffffff" fill-opacity="0.85"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128"><rect width="128" height="128" fill="${background}"/>${figure}</svg>`;
}

/** Up to two initials: the first letter (or digit) of the first and of the last word that has one. */
export function initialsOf(name: string) {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const firsts = name
    .split(/[\s\-‐–—_.,]+/u)
    .map((word) => Array.from(segmenter.segment(word), (part) => part.segment).find((grapheme) => /^[\p{L}\p{N}]/u.test(grapheme)))
    .filter((first): first is string => first !== undefined);
  const chosen = firsts.length > 1 ? [firsts[0]!, firsts[firsts.length - 1]!] : firsts;
  return chosen.join('').toLocaleUpperCase();
}

/**
 * A hue from the id's hash at a fixed, dark saturation and lightness, so that white text on it
 * keeps a contrast of at least 4.5:1 whatever the hue.
 */
export function avatarColour(profileId: string) {
  const hash = createHash('sha256').update(profileId).digest();
  const hue = hash.readUInt16BE(0) % 360;
  return hslToHex(hue, 0.45, 0.32);
}

function hslToHex(hue: number, saturation: number, lightness: number) {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function escapeXml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
