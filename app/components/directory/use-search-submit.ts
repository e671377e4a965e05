import { useLocation, useSubmit } from '@remix-run/react';
import { useCallback, useEffect, useRef } from 'react';
import { readFilters, writeFilters } from '~/modules/directory/filters';

/** How long typing must pause before the search runs. */
const TYPING_PAUSE_MS = 600;
const TYPED = new Set(['text', 'search', 'number']);

/**
 * With JavaScript the search form runs on every change: at once for a checkbox or a select,
 * after a pause in typing for text. The URL it navigates to is the canonical query (empty and
 * default fields left out). While one burst of typing goes on, each search replaces the last
 * history entry instead of adding one, so the back button goes to the search before the typing,
 * not to every half-typed word. After each navigation (the back button included) the form is
 * reset to what the server rendered for the URL, keeping the field being typed in. Filters equal
 * to the ones shown are not sent again: each search counts against the organizer's quota.
 */
export function useSearchSubmit(form: React.RefObject<HTMLFormElement>) {
  const submit = useSubmit();
  const location = useLocation();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const pending = useRef(false);
  const typing = useRef(false);
  const current = useRef(location.search);
  current.current = location.search;

  const send = useCallback(
    (typed: boolean, asked = false) => {
      clearTimeout(timer.current);
      pending.current = false;
      if (!form.current) return;
      const raw = new URLSearchParams();
      for (const [name, value] of new FormData(form.current)) {
        if (typeof value === 'string' && value.trim() !== '') raw.append(name, value);
      }
      const read = readFilters(raw);
      const params = Object.keys(read.errors).length > 0 ? raw : writeFilters(read.filters);
      // Every search counts against the hourly quota: a change that leaves the filters as they
      // are does not search again (the Search button, asked for, always does).
      const shown = new URLSearchParams(current.current);
      shown.delete('after');
      shown.delete('lng');
      if (!asked && params.toString() === shown.toString()) return;
      submit(params, { method: 'get', action: '/directory', replace: typed && typing.current, preventScrollReset: true });
      typing.current = typed;
    },
    [form, submit],
  );

  const onChange = useCallback(
    (event: React.FormEvent<HTMLFormElement>) => {
      const target = event.target as HTMLInputElement;
      if (target.tagName === 'INPUT' && TYPED.has(target.type)) {
        clearTimeout(timer.current);
        pending.current = true;
        timer.current = setTimeout(() => send(true), TYPING_PAUSE_MS);
      } else {
        send(false);
      }
    },
    [send],
  );

  const onSubmit = useCallback(
    (event: React.FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      send(false, true);
    },
    [send],
  );

  /** Leaving a text field ends the burst of typing: what comes next is a new history entry. */
  const onBlur = useCallback(() => {
    if (pending.current) send(true);
    typing.current = false;
  }, [send]);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const active = document.activeElement;
    const keep = active instanceof HTMLInputElement && element.contains(active) && TYPED.has(active.type) ? active : null;
    const kept = keep ? { value: keep.value, start: keep.selectionStart, end: keep.selectionEnd } : null;
    element.reset();
    if (keep && kept) {
      keep.value = kept.value;
      keep.setSelectionRange(kept.start, kept.end);
    }
  }, [form, location.key]);

  return { onChange, onSubmit, onBlur };
}
