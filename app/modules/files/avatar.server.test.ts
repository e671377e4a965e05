import { describe, expect, it } from 'vitest';
import { avatarColour, avatarSvg, initialsOf } from './avatar.server';

const id = '7d3c1a52-9f0e-4c1b-8a63-2f4e5d6c7b8a';

/** Relative luminance and contrast as WCAG defines them. */
function contrastWithWhite(hex: string) {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

describe('generated avatar', () => {
  it('takes the initials of the first and last word, in any script', () => {
    expect(initialsOf('Алесь Бяляцкі')).toBe('АБ');
    expect(initialsOf('łucja  wąs-Żuk')).toBe('ŁŻ');
    expect(initialsOf('Святлана')).toBe('С');
    expect(initialsOf('  ')).toBe('');
    expect(initialsOf('<script> & "x"')).toBe('SX');
  });

  it('draws a silhouette, no letters, for a viewer who may not see the name', () => {
    const svg = avatarSvg(id, null);
    expect(svg).not.toContain('<text');
    expect(svg).toContain('<circle');
  });

  it('escapes what it draws and loads nothing from anywhere', () => {
    const svg = avatarSvg(id, '&amp; <b>');
    expect(svg).not.toMatch(/<b>|&amp;amp/);
    expect(svg).not.toMatch(/href|url\(|@import|<style|<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('gives each id its own colour, always the same, with white text readable on it', () => {
    expect(avatarColour(id)).toBe(avatarColour(id));
    const colours = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const colour = avatarColour(`${id.slice(0, 30)}${n.toString(16).padStart(6, '0')}`);
      colours.add(colour);
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(colours.size).toBeGreaterThan(50);
  });
});
