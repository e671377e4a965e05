import { describe, expect, it } from 'vitest';
import { cleanFileName, isPdf } from './cv.server';
import { sniffImageFormat } from './photo-image.server';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ftyp = (...brands: string[]) => bytes(`\0\0\0${String.fromCharCode(8 + 4 * (brands.length + 1))}ftyp${brands[0]}\0\0\0\0${brands.slice(1).join('')}`);

describe('what an uploaded file is', () => {
  it('is a PDF only when it starts with %PDF-', () => {
    expect(isPdf(bytes('%PDF-1.7\n'))).toBe(true);
    expect(isPdf(bytes(' %PDF-1.7'))).toBe(false);
    expect(isPdf(bytes('%PD'))).toBe(false);
    expect(isPdf(bytes('PK\u0003\u0004 word.docx'))).toBe(false);
  });

  it('is an image only by its signature; SVG and HEIC are told apart', () => {
    expect(sniffImageFormat(bytes('\xff\xd8\xff\xe0'))).toBe('jpeg');
    expect(sniffImageFormat(bytes('\x89PNG\r\n\x1a\n'))).toBe('png');
    expect(sniffImageFormat(bytes('GIF89a'))).toBe('gif');
    expect(sniffImageFormat(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffImageFormat(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(sniffImageFormat(ftyp('mif1', 'avif', 'miaf'))).toBe('avif');
    expect(sniffImageFormat(ftyp('isom', 'mp41'))).toBeNull();
    expect(sniffImageFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageFormat(bytes(''))).toBeNull();
  });

  it('keeps a CV file name fit to show', () => {
    expect(cleanFileName('C:\\Users\\ales\\CV Ales.pdf')).toBe('CV Ales.pdf');
    expect(cleanFileName('\u202Efdp.exe')).toBe('fdp.exe');
    expect(cleanFileName('\u0000\u0007')).toBe('cv.pdf');
    expect(Array.from(cleanFileName('ж'.repeat(500)))).toHaveLength(120);
  });
});
