import type { MetaDescriptor } from '@remix-run/node';

type Match = { id: string; data: unknown };

/**
 * The document title, and the site's description, in the page's language. `meta` has no `t` at
 * hand, so the root loader sends the translated `titles` section of the common namespace and
 * pages pick theirs by key.
 */
export function pageTitle(matches: Match[], key: string): MetaDescriptor[] {
  const root = matches.find((match) => match.id === 'root')?.data as { titles?: Record<string, string> } | undefined;
  const brand = root?.titles?.brand ?? 'Talaka';
  const title = root?.titles?.[key];
  const description = root?.titles?.description;
  return [
    { title: title && key !== 'brand' ? `${title} · ${brand}` : brand },
    // The same one line about Talaka on every page: search engines and link previews show it.
    ...(description ? [{ name: 'description', content: description }] : []),
  ];
}
