import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import {
  afterSecondFactorFailure,
  continueTo,
  describeEnrolment,
  finishEnrolment,
  listFactors,
  removeFactor,
  securityTitle,
  startEnrolment,
} from '~/modules/auth/second-factor.server';
import { SecurityFormSchema } from '~/modules/auth/second-factor-schemas';
import { requireUser } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';

export const handle = { i18n: ['common', 'security'] };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Talaka` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const factors = await listFactors(request);
  return json({
    title: await securityTitle(request, 'security.title'),
    factors: factors.filter((factor) => factor.verified),
    powers: identity.roles.some((role) => role === 'organizer' || role === 'admin'),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  const submission = await parseForm(request, SecurityFormSchema);
  const reply = () => submission.reply({ hideFields: ['code'] });
  if (submission.status !== 'success') return json({ result: reply(), error: null, enrolment: null }, { status: 400 });
  const input = submission.value;
  if (input.intent === 'enrol') {
    const started = await startEnrolment(request, `Talaka ${new Date().toISOString().slice(0, 10)}`);
    if (!started) return json({ result: reply(), error: 'errors.enrolRefused' as const, enrolment: null }, { status: 403 });
    return json({ result: reply(), error: null, enrolment: await describeEnrolment(started.factorId, started.secret, identity.email) });
  }
  if (input.intent === 'verify') {
    const outcome = await finishEnrolment(request, input);
    if (outcome.ok) continueTo(input.redirectTo || '/account/security?enrolled=1', outcome.headers);
    afterSecondFactorFailure(outcome);
    const enrolment = await describeEnrolment(input.factorId, input.secret, identity.email);
    return json({ result: reply(), error: outcome.error, enrolment }, { status: 400, headers: outcome.headers });
  }
  const outcome = await removeFactor(request, input);
  if (outcome.ok) throw redirect('/account/security?removed=1', { headers: outcome.headers });
  afterSecondFactorFailure(outcome);
  return json({ result: reply(), error: outcome.error, enrolment: null }, { status: 400, headers: outcome.headers });
}

export default function AccountSecurity() {
  const { t } = useTranslation('security');
  const { factors, powers } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <section className="narrow" aria-labelledby="security-title">
      <h1 id="security-title">{t('security.title')}</h1>
      <p>{t('security.intro')}</p>
      {powers && factors.length === 0 ? <Notice tone="warning">{t('security.powersNeedIt')}</Notice> : null}
      {searchParams.has('enrolled') ? <Toast tone="success">{t('security.enrolled')}</Toast> : null}
      {searchParams.has('removed') ? <Toast tone="success">{t('security.removed')}</Toast> : null}
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      {data?.enrolment ? (
        <EnrolmentStep enrolment={data.enrolment} lastResult={data.result} />
      ) : factors.length === 0 ? (
        <Form method="post" className="stack">
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <div>
            <SubmitButton name="intent" value="enrol">
              {t('security.start')}
            </SubmitButton>
          </div>
        </Form>
      ) : (
        <FactorList factors={factors} />
      )}
    </section>
  );
}

type Enrolment = { factorId: string; secret: string; groupedKey: string; picture: string };

function EnrolmentStep({ enrolment, lastResult }: { enrolment: Enrolment; lastResult: unknown }) {
  const { t } = useTranslation('security');
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: 'verify-enrolment',
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    lastResult: lastResult as any,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SecurityFormSchema }),
  });
  return (
    <section aria-labelledby="enrol-title" className="stack">
      <h2 id="enrol-title">{t('enrol.title')}</h2>
      <ol>
        <li>{t('enrol.install')}</li>
        <li>
          {t('enrol.scan')}
          <br />
          <img src={enrolment.picture} alt={t('enrol.qrAlt')} width={200} height={200} />
        </li>
        <li>
          {t('enrol.manual')} <code data-testid="manual-key">{enrolment.groupedKey}</code>
        </li>
        <li>{t('enrol.enterCode')}</li>
      </ol>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="verify" />
        <input type="hidden" name="factorId" value={enrolment.factorId} />
        <input type="hidden" name="secret" value={enrolment.secret} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field meta={fields.code} label={t('fields.code')} inputMode="numeric" autoComplete="one-time-code" namespace="security" />
        <div>
          <SubmitButton>{t('enrol.submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function FactorList({ factors }: { factors: Array<{ id: string; friendlyName: string | null; createdAt: string }> }) {
  const { t, i18n } = useTranslation('security');
  return (
    <section aria-labelledby="factors-title" className="stack">
      <h2 id="factors-title">{t('factors.title')}</h2>
      <ul>
        {factors.map((factor) => (
          <li key={factor.id}>
            <p>
              {factor.friendlyName ?? t('factors.unnamed')} —{' '}
              {t('factors.since', { date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(factor.createdAt)) })}
            </p>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="factorId" value={factor.id} />
              <div className="field">
                <label htmlFor={`remove-code-${factor.id}`}>{t('factors.codeToRemove')}</label>
                <input id={`remove-code-${factor.id}`} name="code" inputMode="numeric" autoComplete="one-time-code" required />
              </div>
              <div>
                <SubmitButton variant="danger">{t('factors.remove')}</SubmitButton>
              </div>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
