import { useEffect, useState } from 'react';

/**
 * False on the server and in the first client render, true once React runs in the browser: the
 * moment a control that needs JavaScript (a dialog, a close button) may replace its plain form.
 */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
