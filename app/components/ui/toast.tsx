import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The result of what the user just did ("Saved", "Request sent"), shown on the page and read out
 * politely (`role="status"`). It stays until dismissed: nothing hides by itself, so nobody misses
 * an error while reading elsewhere. The close button needs JavaScript: app.css hides it when
 * scripting is off (`@media (scripting: none)`), which costs no hydration check in the bundle.
 */
export function Toast({ tone, children }: { tone: 'success' | 'info' | 'error'; children: React.ReactNode }) {
  const { t } = useTranslation('common');
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <div className={`toast toast-${tone}`}>
      <div role="status" className="toast-message">
        {children}
      </div>
      <button type="button" className="toast-close" onClick={() => setDismissed(true)}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">{t('ui.toast.dismiss')}</span>
      </button>
    </div>
  );
}
