/**
 * A message about the whole form or page: `status` is announced politely, `alert` at once. A
 * warning (read before acting, e.g. "this cannot be undone") is part of the page, not news.
 */
export function Notice({ tone, children }: { tone: 'success' | 'error' | 'info' | 'warning'; children: React.ReactNode }) {
  const role = tone === 'error' ? 'alert' : tone === 'warning' ? undefined : 'status';
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {children}
    </div>
  );
}
