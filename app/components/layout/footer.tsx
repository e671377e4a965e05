import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      <p>{t('footer.tagline')}</p>
      <p>
        <Link to="/privacy">{t('footer.privacy')}</Link>
      </p>
    </footer>
  );
}
