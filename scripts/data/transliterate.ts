/**
 * Belarusian Cyrillic names in the three Latin spellings people actually type: Łacinka
 * (Cichanoŭskaja), the passport / English transliteration (Tsikhanouskaya) and the Polish one
 * (Cichanouska). The generator writes each member's name in one of the four, so the
 * cross-alphabet search (decision 013) has real work to do.
 */
export type Spelling = 'cyrillic' | 'lacinka' | 'latin' | 'polish';

const VOWELS = new Set('аеёіоуыэюяАЕЁІОУЫЭЮЯ');
const IOTATED: Record<string, [string, string]> = { е: ['je', 'ie'], ё: ['jo', 'io'], ю: ['ju', 'iu'], я: ['ja', 'ia'] };
const SOFTENABLE_LACINKA: Record<string, string> = { н: 'ń', с: 'ś', з: 'ź', ц: 'ć' };

const LACINKA: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', ж: 'ž', з: 'z', і: 'i', й: 'j', к: 'k', л: 'ł', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'ŭ', ф: 'f', х: 'ch', ц: 'c', ч: 'č', ш: 'š', ы: 'y', э: 'e',
};
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', ж: 'zh', з: 'z', і: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', ы: 'y', э: 'e',
};
const POLISH: Record<string, string> = {
  а: 'a', б: 'b', в: 'w', г: 'h', ґ: 'g', д: 'd', ж: 'ż', з: 'z', і: 'i', й: 'j', к: 'k', л: 'ł', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', ы: 'y', э: 'e',
};

/** One word (or a name of several words) from Belarusian Cyrillic into the given spelling. */
export function spell(text: string, spelling: Spelling): string {
  if (spelling === 'cyrillic') return text;
  let word = text;
  if (spelling === 'polish') word = word.replace(/ская(?=$|\s)/g, 'ска').replace(/цкая(?=$|\s)/g, 'цка');
  if (spelling === 'latin') word = word.replace(/ая(?=$|\s)/g, 'аyа');
  const table = spelling === 'lacinka' ? LACINKA : spelling === 'latin' ? LATIN : POLISH;
  let out = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const raw = chars[i]!;
    const lower = raw.toLowerCase();
    const upper = raw !== lower;
    const prev = chars[i - 1]?.toLowerCase();
    const nextChar = chars[i + 1]?.toLowerCase();
    let piece: string;
    if (raw === 'y') piece = 'y';
    else if (lower === 'ь' || lower === '’' || lower === "'") {
      piece = '';
    } else if (IOTATED[lower]) {
      const [initial, soft] = IOTATED[lower]!;
      const afterVowel = prev === undefined || prev === ' ' || prev === '-' || VOWELS.has(prev) || prev === 'ь' || prev === '’' || prev === 'y';
      if (spelling === 'latin') piece = afterVowel ? initial.replace('j', 'y') : soft;
      else if (prev === 'л') piece = soft.slice(1);
      else piece = afterVowel ? initial : soft;
    } else if (nextChar === 'ь' && spelling !== 'latin' && SOFTENABLE_LACINKA[lower]) {
      piece = SOFTENABLE_LACINKA[lower]!;
    } else if (lower === 'л' && spelling !== 'latin' && (nextChar === 'ь' || nextChar === 'і' || (nextChar !== undefined && nextChar in IOTATED))) {
      piece = 'l';
    } else if (lower === 'д' && nextChar === 'з' && spelling === 'lacinka') {
      piece = 'd';
    } else {
      piece = table[lower] ?? raw;
    }
    out += upper && piece ? piece[0]!.toUpperCase() + piece.slice(1) : piece;
  }
  return out;
}
