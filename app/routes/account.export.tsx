import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { EmptyState } from '~/components/ui/empty-state';
import { Notice } from '~/components/ui/notice';
import { exportMyData, listedFiles } from '~/modules/account/export-data.server';
import { requireUser } from '~/modules/auth/session.server';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common', 'account', 'profile'] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'exportData');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const files = listedFiles(await exportMyData(identity));
  return json({ files });
}

const SECTIONS = ['account', 'profile', 'consents', 'files', 'sessions', 'mails', 'requests', 'events', 'notifications', 'organizerWork'] as const;

export default function ExportMyData() {
  const { t } = useTranslation('account');
  const { files } = useLoaderData<typeof loader>();
  return (
    <section className="narrow" aria-labelledby="export-title">
      <h1 id="export-title">{t('export.title')}</h1>
      <p>{t('export.intro')}</p>
      <p className="muted">{t('export.format')}</p>

      <h2>{t('export.containsTitle')}</h2>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section}>{t(`export.contains.${section}`)}</li>
        ))}
      </ul>
      <h2>{t('export.leavesOutTitle')}</h2>
      <p>{t('export.leavesOut')}</p>
      <p className="muted">{t('export.later')}</p>

      <h2>{t('export.filesTitle')}</h2>
      {files.length === 0 ? (
        <EmptyState title={t('export.noFiles')} headingLevel={3} action={{ to: '/account/files', label: t('profile:account.files') }}>
          <p>{t('export.noFilesNext')}</p>
        </EmptyState>
      ) : (
        <>
          <ul>
            {files.map((file) => (
              <li key={file.key}>
                {t('export.fileLine', {
                  kind: t(`export.fileKinds.${file.bucket === 'avatars' || file.bucket === 'documents' ? file.bucket : 'other'}`),
                  type: (file.contentType ?? '').split('/').pop()?.toUpperCase() || '?',
                  size: Math.max(1, Math.round((file.size ?? 0) / 1024)),
                  date: file.createdAt.slice(0, 10),
                })}
              </li>
            ))}
          </ul>
          <p className="muted">
            {t('export.filesWhere')} <Link to="/account/files">{t('export.filesLink')}</Link>
          </p>
        </>
      )}

      <Notice tone="info">{t('export.keepSafe')}</Notice>
      {/* A document POST to a resource route: the browser saves the answer as a file. */}
      <Form method="post" action="/account/export/download" reloadDocument className="actions">
        <SubmitButton>{t('export.submit')}</SubmitButton>
      </Form>
    </section>
  );
}
