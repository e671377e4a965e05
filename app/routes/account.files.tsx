import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { ConfirmDialog } from '~/components/ui/dialog';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import { requireUser } from '~/modules/auth/session.server';
import { applyFilesForm, DONE, type Done } from '~/modules/files/files-form.server';
import { describeOwnFiles } from '~/modules/files/format.server';
import { PHOTO_MAX_PIXELS, type FileKind } from '~/modules/files/limits';
import { getOwnFiles } from '~/modules/files/own-files.server';
import { readUploadForm } from '~/modules/files/upload-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';

export const handle = { i18n: ['common', 'files'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'files');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const files = await getOwnFiles(identity);
  if (!files) throw new Response('Not found', { status: 404 });
  const done = new URL(request.url).searchParams.get('done');
  return json({ files: describeOwnFiles(files, await detectLanguage(request)), done: DONE.includes(done as Done) ? (done as Done) : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  const form = await readUploadForm(request);
  const outcome = await applyFilesForm({ identity, request }, form);
  if (!outcome) throw new Response('Bad request', { status: 400 });
  if (!outcome.ok) return json({ section: outcome.section, error: outcome.error }, { status: 400 });
  return redirect(`/account/files?done=${outcome.done}`);
}

const PHOTO_TYPES = 'image/jpeg,image/png,image/webp,image/gif,image/avif,image/tiff';

export default function Files() {
  const { t } = useTranslation('files');
  const { files, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errorFor = (section: FileKind) =>
    failure?.section === section
      ? t(failure.error, { max: section === 'photo' ? files.photoMax : files.cvMax, megapixels: PHOTO_MAX_PIXELS / 1e6 })
      : null;
  return (
    <section className="narrow" aria-labelledby="files-title">
      <h1 id="files-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {done ? <Toast tone="success">{t(`done.${done}`)}</Toast> : null}
      <div className="stack">
        <Card as="section" title={t('photo.title')}>
          <img
            className="avatar"
            src={files.photo ? `/files/photo/${files.profileId}?v=${Date.parse(files.photo.uploadedAt)}` : `/files/avatar/${files.profileId}`}
            alt={t(files.photo ? 'photo.currentAlt' : 'photo.avatarAlt')}
            // Only the width: a photo keeps its proportions (at most 512 px on its longer side).
            width={128}
          />
          <p>{files.photo ? t('photo.uploadedOn', { date: files.photoUploaded }) : t('photo.none')}</p>
          <p className="muted">{t('photo.audience', { audience: t(`audience.${files.photoAudience}`) })}</p>
          <Notice tone="info">{t('photo.privacy')}</Notice>
          <UploadForm
            key={files.photo?.uploadedAt ?? 'none'}
            kind="photo"
            accept={PHOTO_TYPES}
            label={t(files.photo ? 'photo.replaceLabel' : 'photo.chooseLabel')}
            hint={t('photo.hint', { max: files.photoMax })}
            submit={t(files.photo ? 'photo.replace' : 'photo.upload')}
            error={errorFor('photo')}
          />
          {files.photo ? <RemoveForm kind="photo" /> : null}
        </Card>

        <Card as="section" title={t('cv.title')}>
          {files.cv ? (
            <dl className="facts">
              <dt>{t('cv.name')}</dt>
              <dd>{files.cv.name}</dd>
              {files.cvSize ? (
                <>
                  <dt>{t('cv.size')}</dt>
                  <dd>{files.cvSize}</dd>
                </>
              ) : null}
              <dt>{t('cv.uploaded')}</dt>
              <dd>{files.cvUploaded}</dd>
            </dl>
          ) : (
            <p>{t('cv.none')}</p>
          )}
          {files.cv ? (
            <p>
              <a href={`/files/cv/${files.profileId}`} download="cv.pdf">
                {t('cv.download')}
              </a>
            </p>
          ) : null}
          <Notice tone="info">{t('cv.privacy')}</Notice>
          <UploadForm
            key={files.cv?.uploadedAt ?? 'none'}
            kind="cv"
            accept="application/pdf,.pdf"
            label={t(files.cv ? 'cv.replaceLabel' : 'cv.chooseLabel')}
            hint={t('cv.hint', { max: files.cvMax })}
            submit={t(files.cv ? 'cv.replace' : 'cv.upload')}
            error={errorFor('cv')}
          />
          {files.cv ? <RemoveForm kind="cv" /> : null}
        </Card>
      </div>
    </section>
  );
}

/**
 * A plain multipart form: works without JavaScript; the error is tied to the file input. The
 * button names the intent, so only its own form shows as pending.
 */
function UploadForm(props: { kind: FileKind; accept: string; label: string; hint: string; submit: string; error: string | null }) {
  const { t } = useTranslation('common');
  const { kind, error } = props;
  return (
    <Form method="post" action="/account/files" encType="multipart/form-data" className="stack">
      <div className="field">
        <label htmlFor={`${kind}-file`}>{props.label}</label>
        <p id={`${kind}-hint`} className="hint">
          {props.hint}
        </p>
        <input
          id={`${kind}-file`}
          name={kind}
          type="file"
          accept={props.accept}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${kind}-hint ${kind}-error` : `${kind}-hint`}
        />
        {error ? (
          <p id={`${kind}-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <SubmitButton name="intent" value={`upload-${kind}`} pendingLabel={t('pending.sending')}>
          {props.submit}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** Deleting a file cannot be undone: asked once more, in a dialog (a disclosure without JavaScript). */
function RemoveForm({ kind }: { kind: FileKind }) {
  const { t } = useTranslation('files');
  return (
    <ConfirmDialog
      triggerLabel={t(`${kind}.remove`)}
      title={t(`${kind}.removeTitle`)}
      confirm={
        <Form method="post" action="/account/files" className="actions">
          <SubmitButton variant="danger" name="intent" value={`remove-${kind}`}>
            {t(`${kind}.removeConfirm`)}
          </SubmitButton>
        </Form>
      }
    >
      <p>{t(`${kind}.removeExplanation`)}</p>
    </ConfirmDialog>
  );
}
