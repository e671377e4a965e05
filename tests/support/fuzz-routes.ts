import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every route module in app/routes, read from the files themselves so that a new route is
 * fuzzed the day it is added: its URL pattern (Remix flat routes), its parameters, and whether
 * it has a loader and an action.
 */
export type RouteModule = {
  file: string;
  /** e.g. /events/:id/edit, /* for a splat. */
  pattern: string;
  params: string[];
  loader: boolean;
  action: boolean;
};

const ROUTES_DIR = 'app/routes';

export function routeModules(): RouteModule[] {
  return readdirSync(ROUTES_DIR)
    .filter((file) => /\.(tsx?|jsx?)$/.test(file) && !/\.test\./.test(file))
    .map((file) => {
      const source = readFileSync(path.join(ROUTES_DIR, file), 'utf8');
      const segments = file
        .replace(/\.(tsx?|jsx?)$/, '')
        .split('.')
        .filter((segment) => segment !== '_index' && !(segment.startsWith('_') && segment !== '_'));
      const params: string[] = [];
      const parts = segments.map((segment) => {
        if (segment === '$') {
          params.push('*');
          return '*';
        }
        if (segment.startsWith('$')) {
          params.push(segment.slice(1));
          return `:${segment.slice(1)}`;
        }
        return segment;
      });
      return {
        file,
        pattern: `/${parts.join('/')}`,
        params,
        loader: /export\s+(async\s+function|const|function)\s+loader\b/.test(source),
        action: /export\s+(async\s+function|const|function)\s+action\b/.test(source),
      };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The pattern with each parameter replaced (values are encoded as a path segment). */
export function fillPattern(pattern: string, values: Record<string, string>) {
  return pattern.replace(/:(\w[\w-]*)|\*/g, (match, name: string | undefined) => encodeSegment(values[name ?? '*'] ?? 'x'));
}

function encodeSegment(value: string) {
  // A lone surrogate cannot be encoded as UTF-8: send the replacement character's bytes instead.
  return value === '' ? '%20' : encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
}

/** The names of the fields and the intents in a page's forms (inputs, selects, textareas, buttons). */
export function formVocabulary(html: string): { names: string[]; intents: string[] } {
  const names = new Set<string>();
  const intents = new Set<string>();
  for (const [tag] of html.matchAll(/<(input|select|textarea|button)\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (!name) continue;
    names.add(decode(name));
    const value = /\svalue="([^"]*)"/.exec(tag)?.[1];
    if (name === 'intent' && value) intents.add(decode(value));
  }
  return { names: [...names], intents: [...intents] };
}

function decode(text: string) {
  return text.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
