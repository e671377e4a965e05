import { useEffect, useRef } from 'react';

/**
 * Where the keyboard goes when a row is added or removed in a list of rows (languages, skills).
 * Without it, "remove" took its own button out of the page and focus fell back to the start of
 * the document; "add" left the member on the button, above a row they could not hear arrive.
 * Now: after adding, the new row's first field; after removing, the first field of the row that
 * took its place (or of the last row, or the add button when none is left).
 */
export function useRowFocus(count: number) {
  const list = useRef<HTMLOListElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const shown = useRef(count);
  const removedAt = useRef(0);

  useEffect(() => {
    const before = shown.current;
    shown.current = count;
    if (count === before) return;
    const rows = list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [];
    const row = count > before ? rows[count - 1] : rows[Math.min(removedAt.current, count - 1)];
    (row?.querySelector<HTMLElement>('input, select, textarea') ?? add.current)?.focus();
  }, [count]);

  return { list, add, removing: (index: number) => () => void (removedAt.current = index) };
}
