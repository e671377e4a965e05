import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ButtonLink, SubmitButton } from '~/components/ui/button';
import { CheckboxField } from '~/components/ui/checkbox';
import { describedBy, FieldErrors, FieldHint, type FieldMeta } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import type { EventPlaces } from '~/modules/events/event-places.server';
import { EVENT_LANGUAGES, EVENT_TYPES, EventFormSchema } from '~/modules/events/event-schema';
import { COMMON_TIME_ZONES } from '~/modules/events/time-zones';

/**
 * The event editor (new and edit): a plain form that works without JavaScript; conform checks
 * it in the browser with the server's schema when scripts run, and shows the server's translated
 * errors next to the fields otherwise, with everything typed kept. Choosing a city preselects
 * its time zone (with JavaScript; without, the organizer picks it).
 */

type Props = {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: Record<string, unknown>;
  places: EventPlaces;
  error: string | null;
  submitLabel: string;
  backTo?: string;
  backLabel?: string;
};

function Labelled({ meta, label, hint, children }: { meta: FieldMeta; label: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <FieldHint meta={meta} hint={hint} />
      {children}
      <FieldErrors meta={meta} namespace="events" />
    </div>
  );
}

export function EventEditor({ lastResult, defaultValue, places, error, submitLabel, backTo, backLabel }: Props) {
  const { t } = useTranslation('events');
  const zoneRef = useRef<HTMLSelectElement>(null);
  const [form, fields] = useForm<z.input<typeof EventFormSchema>>({
    lastResult,
    // The editor's values (toEventForm, or the defaults of a new event) have the schema's shape.
    defaultValue: defaultValue as Partial<z.input<typeof EventFormSchema>>,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EventFormSchema }),
  });
  const input = (meta: FieldMeta, type: 'text' | 'number' | 'datetime-local' | 'url', hint?: string) => {
    const { key, ...props } = getInputProps(meta, { type, ariaAttributes: false });
    return <input key={key} {...props} {...describedBy(meta, hint)} />;
  };
  const zones = COMMON_TIME_ZONES.includes(String(defaultValue.timeZone ?? '')) ? COMMON_TIME_ZONES : [String(defaultValue.timeZone), ...COMMON_TIME_ZONES];
  const { key: cityKey, ...cityProps } = getSelectProps(fields.cityId, { ariaAttributes: false });
  const { key: zoneKey, ...zoneProps } = getSelectProps(fields.timeZone, { ariaAttributes: false });
  const { key: typeKey, ...typeProps } = getSelectProps(fields.type, { ariaAttributes: false });
  const { key: skillsKey, ...skillsProps } = getSelectProps(fields.skills, { ariaAttributes: false });
  const titleFields = { be: fields.titleBe, en: fields.titleEn, pl: fields.titlePl };
  const descriptionFields = { be: fields.descriptionBe, en: fields.descriptionEn, pl: fields.descriptionPl };

  return (
    <Form method="post" {...getFormProps(form)} className="stack event-editor">
      {error ? <Notice tone="error">{t(error)}</Notice> : null}
      <p className="muted">{t('editor.intro')}</p>

      <fieldset className="stack">
        <legend>{t('editor.languages')}</legend>
        {EVENT_LANGUAGES.map((language) => {
          const title = titleFields[language];
          const description = descriptionFields[language];
          const { key: textKey, ...textProps } = getTextareaProps(description, { ariaAttributes: false });
          return (
            <fieldset key={language} className="stack event-language" lang={language}>
              <legend>{t(`editor.language.${language}`)}</legend>
              <Labelled meta={title} label={t('editor.title')}>
                {input(title, 'text')}
              </Labelled>
              <Labelled meta={description} label={t('editor.description')}>
                <textarea key={textKey} {...textProps} rows={5} {...describedBy(description)} />
              </Labelled>
            </fieldset>
          );
        })}
      </fieldset>

      <Labelled meta={fields.type} label={t('editor.type')}>
        <select key={typeKey} {...typeProps} {...describedBy(fields.type)}>
          {EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`type.${type}`)}
            </option>
          ))}
        </select>
      </Labelled>

      <fieldset className="stack">
        <legend>{t('editor.place')}</legend>
        <div className="radio-row">
          {(['city', 'online'] as const).map((place) => (
            <div className="check-row" key={place}>
              <input
                type="radio"
                id={`${fields.place.id}-${place}`}
                name={fields.place.name}
                value={place}
                defaultChecked={(fields.place.initialValue ?? 'city') === place}
              />
              <label htmlFor={`${fields.place.id}-${place}`}>{place === 'city' ? t('editor.placeCity') : t('editor.placeOnline')}</label>
            </div>
          ))}
        </div>
        <FieldErrors meta={fields.place} namespace="events" />
        <Labelled meta={fields.cityId} label={t('editor.city')}>
          <select
            key={cityKey}
            {...cityProps}
            {...describedBy(fields.cityId)}
            onChange={(event) => {
              const zone = places.cities.find((city) => city.id === event.currentTarget.value)?.zone;
              if (zone && zoneRef.current && [...zoneRef.current.options].some((option) => option.value === zone)) zoneRef.current.value = zone;
            }}
          >
            <option value="">{t('editor.chooseCity')}</option>
            {places.cities.map((city) => (
              <option key={city.id} value={city.id}>
                {city.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled meta={fields.venueAddress} label={t('editor.venueAddress')} hint={t('editor.venueHint')}>
          {input(fields.venueAddress, 'text', t('editor.venueHint'))}
        </Labelled>
        <Labelled meta={fields.onlineUrl} label={t('editor.onlineUrl')} hint={t('editor.onlineHint')}>
          {input(fields.onlineUrl, 'url', t('editor.onlineHint'))}
        </Labelled>
      </fieldset>

      <fieldset className="stack">
        <legend>{t('editor.time')}</legend>
        <Labelled meta={fields.startsAt} label={t('editor.startsAt')}>
          {input(fields.startsAt, 'datetime-local')}
        </Labelled>
        <Labelled meta={fields.endsAt} label={t('editor.endsAt')}>
          {input(fields.endsAt, 'datetime-local')}
        </Labelled>
        <Labelled meta={fields.timeZone} label={t('editor.timeZone')} hint={t('editor.timeZoneHint')}>
          <select key={zoneKey} {...zoneProps} ref={zoneRef} {...describedBy(fields.timeZone, t('editor.timeZoneHint'))}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled meta={fields.registrationOpensAt} label={t('editor.registrationOpensAt')} hint={t('editor.registrationOpensHint')}>
          {input(fields.registrationOpensAt, 'datetime-local', t('editor.registrationOpensHint'))}
        </Labelled>
        <Labelled meta={fields.registrationClosesAt} label={t('editor.registrationClosesAt')} hint={t('editor.registrationClosesHint')}>
          {input(fields.registrationClosesAt, 'datetime-local', t('editor.registrationClosesHint'))}
        </Labelled>
      </fieldset>

      <Labelled meta={fields.capacity} label={t('editor.capacity')}>
        {input(fields.capacity, 'number')}
      </Labelled>
      <CheckboxField meta={fields.approvalRequired} label={t('editor.approvalRequired')} namespace="events" />
      <Labelled meta={fields.skills} label={t('editor.skills')} hint={t('editor.skillsHint')}>
        <select key={skillsKey} {...skillsProps} multiple size={6} {...describedBy(fields.skills, t('editor.skillsHint'))}>
          {places.skills.map((skill) => (
            <option key={skill.value} value={skill.value}>
              {skill.label}
            </option>
          ))}
        </select>
      </Labelled>
      <fieldset className="stack">
        <legend>{t('editor.visibility')}</legend>
        {(['members', 'public_teaser'] as const).map((visibility) => (
          <div className="check-row" key={visibility}>
            <input
              type="radio"
              id={`${fields.visibility.id}-${visibility}`}
              name={fields.visibility.name}
              value={visibility}
              defaultChecked={(fields.visibility.initialValue ?? 'members') === visibility}
            />
            <label htmlFor={`${fields.visibility.id}-${visibility}`}>
              {visibility === 'members' ? t('editor.visibilityMembers') : t('editor.visibilityPublic')}
            </label>
          </div>
        ))}
        <FieldErrors meta={fields.visibility} namespace="events" />
      </fieldset>
      <div className="event-editor-actions">
        <SubmitButton pendingLabel={t('common:pending.saving')}>{submitLabel}</SubmitButton>
        {backTo ? (
          <ButtonLink to={backTo} variant="secondary">
            {backLabel ?? t('editor.cancelEdit')}
          </ButtonLink>
        ) : null}
      </div>
    </Form>
  );
}
