import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages, type Language } from './config';

/**
 * The mechanical half of docs/glossary.md: one word for one thing in every language, Belarusian in
 * the official orthography, Polish addressing the reader as "ty" in lower case, the quotation marks
 * and plural forms each language uses, and no English left behind in be or pl. Each check lists the
 * offending `namespace:key` so that a failure says where to look.
 */
const root = path.resolve('public/locales');
type Tree = { [key: string]: string | string[] | Tree } | string[];

const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
    const name = `${prefix}${key}`;
    if (typeof value === 'string') all[name] = value;
    else Object.assign(all, flatten(value, `${name}.`));
    return all;
  }, {});

const strings = Object.fromEntries(
  supportedLanguages.map((language) => {
    const all: Record<string, string> = {};
    for (const file of readdirSync(path.join(root, language)).filter((name) => name.endsWith('.json'))) {
      const tree = JSON.parse(readFileSync(path.join(root, language, file), 'utf8')) as Tree;
      Object.assign(all, flatten(tree, `${file.replace(/\.json$/, '')}:`));
    }
    return [language, all];
  }),
) as Record<Language, Record<string, string>>;

/** The text a reader sees: placeholders such as {{email}} are names in code, not words. */
const visible = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '{}');

/** Keys whose visible text matches `pattern`. */
const offenders = (language: Language, pattern: RegExp) =>
  Object.entries(strings[language])
    .filter(([, text]) => pattern.test(visible(text)))
    .map(([key, text]) => `${key}: ${text}`);

// `\b` does not know Cyrillic or Polish letters; these do.
const word = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');
const stem = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})`, 'iu');

describe('the glossary (docs/glossary.md)', () => {
  const rejected: Record<Language, Record<string, RegExp>> = {
    en: {
      'organizer, organization, recognize (Oxford -ize spelling)': stem('organis|recognis'),
      'e-mail, not email': word('email'),
      'waitlist, not waiting list': word('waiting list'),
      'attendee, not participant': stem('participant'),
      'direction of work, not area of work': word('areas? of work'),
      'second factor, not 2FA or MFA': word('2FA|MFA|two-factor code'),
      'sign in, not log in': word('log ?in|log ?out|logged in'),
      'UK spelling': word('color|center|canceled|behavior|favorite'),
    },
    be: {
      'уменне, not навык': stem('навык'),
      'удзельнік, not член / сябар / удзельнік суполкі': new RegExp(
        `${word('член|члены|членаў|сябар').source}|удзельні\\p{L}* суполкі`,
        'iu',
      ),
      'карыстальнік only in "імя карыстальніка"': /(?<!імя )(?<!\p{L})карыстальні/iu,
      'акаўнт, not уліковы запіс': /ўліков|уліков/iu,
      'правераны арганізатар, not верыфікаваны': stem('верыфікаван'),
      'чарга, not ліст чакання / вэйтліст': stem('ліст чакання|вэйтліст|шорт-ліст'),
      'ваш / ваша / вашу / вашы, not вашая / вашую / вашыя / вашае': word('вашая|вашую|вашыя|вашае'),
      'рэзюмэ, not CV': word('CV'),
      'даныя, not дадзеныя': word('дадзеных'),
      'скасаваць падзею, not адмяніць': /адмян\p{L}* падз|падзе\p{L}* адмен/iu,
      'са спіса (genitive), not са спісу': word('(?:са|з|да|для|без|каля) спісу'),
      'official genitive plurals (спроб, падзей), not спробаў, падзеяў': word('спробаў|падзеяў|хвілінаў|праграмаў'),
    },
    pl: {
      'kierunek działania, not obszar działania': stem('obszar\\p{L}* działania'),
      'krótka lista, not lista wybranych': stem('list\\p{L}* wybranych|shortlist'),
      'zweryfikowany organizator, not sprawdzony': stem('sprawdzon\\p{L}* organizator'),
      'lista oczekujących, not lista rezerwowa': stem('list\\p{L}* rezerwow|liście rezerwow'),
      'drugi składnik, not drugi czynnik or 2FA': new RegExp(`${stem('drugi\\p{L}* czynnik').source}|${word('2FA|MFA').source}`, 'iu'),
      'członek, not użytkownik (except a messenger user name)': /(?<!nazw\p{L}* )(?<!\p{L})użytkowni/iu,
    },
  };

  for (const language of supportedLanguages) {
    for (const [rule, pattern] of Object.entries(rejected[language])) {
      it(`${language}: ${rule}`, () => {
        expect(offenders(language, pattern)).toEqual([]);
      });
    }
  }

  it('pl: a member is a członek, an attendee is an uczestnik', () => {
    const mixedUp = Object.entries(strings.pl).filter(([key, text]) => {
      const english = strings.en[key] ?? strings.en[key.replace(/_(few|many)$/, '_other')] ?? '';
      const saysMember = /\bmembers?\b/i.test(english) && !/\battendees?\b/i.test(english);
      const saysAttendee = /\battendees?\b/i.test(english) && !/\bmembers?\b/i.test(english);
      return (saysMember && /uczestni/iu.test(text)) || (saysAttendee && /członk|członek/iu.test(text));
    });
    expect(mixedUp.map(([key]) => key)).toEqual([]);
  });

  it('pl: the reader is "ty", in lower case except at the start of a sentence', () => {
    const pronoun = /(?<!\p{L})(Ty|Twój|Twoja|Twoje|Twojego|Twojej|Twojemu|Twoim|Twoją|Twoich|Twoimi|Ci|Cię|Ciebie|Tobie|Tobą)(?!\p{L})/gu;
    const capitalisedMidSentence = Object.entries(strings.pl).filter(([, text]) =>
      [...text.matchAll(pronoun)].some((match) => {
        const before = text.slice(0, match.index).trimEnd();
        return before !== '' && !/[.!?\n„"]$/.test(before);
      }),
    );
    expect(capitalisedMidSentence.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('be: the reader is "вы", never "ты"', () => {
    expect(offenders('be', word('ты|твой|твая|тваё|твае|цябе|табе'))).toEqual([]);
  });
});

describe('Belarusian in the official orthography', () => {
  it('uses no letter Belarusian does not have (и, щ, ъ) and the apostrophe ’ only', () => {
    expect(offenders('be', /[ищъИЩЪ]|\p{L}['ʼ`]\p{L}/u)).toEqual([]);
  });

  it('has no тарашкевіца spelling (сьнег, зьвер, Эўропа, плян, клюб, сыстэма, ґ)', () => {
    expect(offenders('be', /сьн|сьв|зьв|зьн|зьм|сьм|дзьв|ць[вмнп]|ґ|плян|клюб|сыстэм|эўроп|канфэрэнц/iu)).toEqual([]);
  });

  it('has no Russian words', () => {
    const russian = word('уже|только|если|когда|сейчас|тоже|пожалуйста|также|спасибо|это|или|нет|все|что|чтобы|она|они|его|ещё');
    expect(offenders('be', russian)).toEqual([]);
  });

  it('writes ў, not у, after a vowel and у, not ў, elsewhere (a word boundary without punctuation)', () => {
    const vowel = /[аеёіоуыэюя]$/iu;
    const wrong = Object.entries(strings.be).filter(([, text]) => {
      const words = text.split(/ +/);
      return words.some((current, index) => {
        const previous = index > 0 ? words[index - 1]! : '';
        if (/^[уУ]/u.test(current)) return vowel.test(previous);
        if (/^[ўЎ]/u.test(current)) return !vowel.test(previous);
        return false;
      });
    });
    expect(wrong.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});

describe('typography', () => {
  const quotes: Record<Language, RegExp> = {
    en: /["«»„]/, // “…”
    be: /["“”„]/, // «…»
    pl: /["«»“]/, // „…”
  };

  it.each(supportedLanguages)('%s uses its own quotation marks', (language) => {
    expect(offenders(language, quotes[language])).toEqual([]);
  });

  it.each(supportedLanguages)('%s has no double space, no space before punctuation, no stray space at the ends', (language) => {
    // A space before ".pdf" is a file name, and a mail template indents its lines on purpose.
    expect(offenders(language, /[^\n ] {2,}|^\s|[ \t]$| [,;:!?]| \.(?!\p{L})/u)).toEqual([]);
  });

  it.each(supportedLanguages)('%s mixes no Latin and Cyrillic letters inside one word', (language) => {
    expect(offenders(language, /\p{Script=Latin}\p{Script=Cyrillic}|\p{Script=Cyrillic}\p{Script=Latin}/u)).toEqual([]);
  });
});

describe('plural forms', () => {
  const PLURAL = /_(zero|one|two|few|many|other)$/;

  it.each(supportedLanguages)('%s gives every counted string exactly the plural categories of Intl.PluralRules', (language) => {
    const categories = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
    const counted = new Map<string, string[]>();
    for (const key of Object.keys(strings[language])) {
      const match = PLURAL.exec(key);
      if (match) counted.set(key.replace(PLURAL, ''), [...(counted.get(key.replace(PLURAL, '')) ?? []), match[1]!].sort());
    }
    const incomplete = [...counted].filter(([, forms]) => forms.join() !== categories.join()).map(([base, forms]) => `${base}: ${forms.join()}`);
    expect(incomplete).toEqual([]);
  });

  it.each(['be', 'pl'] as const)('%s puts no noun right after a {{count}} that has no plural forms', (language) => {
    // "Знойдзена падзей: {{count}}" needs no agreement; "{{count}} удзельнікаў" does. "Fewer than 5"
    // is always five.
    const unagreed = Object.entries(strings[language]).filter(
      ([key, text]) => !PLURAL.test(key) && /\{\{count\}\} +\p{L}/u.test(text) && !/(fewerThan)/.test(key),
    );
    expect(unagreed.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});

describe('no English left in be and pl', () => {
  // Names of products and formats read the same in every language.
  const sameEverywhere = /^(?:Telegram|Signal|Talaka|E-mail|e-mail|Online|Status|Limit|Menu|administrator)$/;

  it.each(['be', 'pl'] as const)('%s translates every string that has words in it', (language) => {
    const untranslated = Object.entries(strings[language]).filter(([key, text]) => {
      const english = strings.en[key];
      return english === text && /\p{L}{3}/u.test(visible(text)) && !sameEverywhere.test(text);
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it.each(['be', 'pl'] as const)('%s has no English sentence inside a string', (language) => {
    const english = word('the|you|your|and|with|this|please|will|have|from');
    expect(offenders(language, english)).toEqual([]);
  });
});
