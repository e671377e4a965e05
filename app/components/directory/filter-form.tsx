import { Form, useNavigation } from '@remix-run/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '~/components/ui/button';
import type { DirectoryFilters } from '~/modules/directory/directory-model';
import type { FilterErrors, ReadFilters } from '~/modules/directory/filters';
import { LANGUAGE_LEVELS, SKILL_LEVELS, type ReferenceOptions } from '~/modules/profiles/profile-model';
import { describedBy, HintAndError, SelectFilter, TextFilter } from './filter-controls';
import { SkillPicker } from './skill-picker';
import { useSearchSubmit } from './use-search-submit';

type Props = { filters: DirectoryFilters; typed: ReadFilters['typed']; errors: FilterErrors; options: ReferenceOptions };

/**
 * The directory's filters as a plain GET form: without JavaScript the Search button sends it and
 * the URL holds the search; with JavaScript it searches as the organizer changes it (see
 * useSearchSubmit), and the Search button says "Searching…" while a search loads (a GET form, so
 * not SubmitButton, which marks only submissions that change something). Field order follows the
 * URL's canonical order.
 */
export function FilterForm({ filters, typed, errors, options }: Props) {
  const { t } = useTranslation('directory');
  const { t: tp } = useTranslation('profile');
  const form = useRef<HTMLFormElement>(null);
  const handlers = useSearchSubmit(form);
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.location?.pathname === '/directory';
  const cityNames = [...new Set(options.cities.flatMap((group) => group.options.map((option) => option.label)))];
  const skillLevels = SKILL_LEVELS.map((level) => ({ value: String(level), label: tp(`skillLevels.${level}`) }));
  const languageLevels = LANGUAGE_LEVELS.map((level) => ({ value: level, label: tp(`languageLevels.${level}`) }));
  const modes = (['remote', 'on_site'] as const).map((mode) => ({ value: mode, label: tp(`workModes.${mode}`) }));
  return (
    <Form method="get" action="/directory" ref={form} role="search" aria-label={t('form.label')} className="filter-form" {...handlers}>
      <TextFilter name="q" label={t('form.q')} hint={t('form.qHint')} error={errors.q} defaultValue={filters.q ?? typed.q} inputMode="search" />
      <SkillPicker groups={options.skills} chosen={filters.skills} error={errors.skill} />
      <fieldset className="choices-inline" {...describedBy('filter-match', undefined, errors.match)}>
        <legend>{t('form.skillMatch')}</legend>
        <HintAndError name="filter-match" error={errors.match} />
        {(['any', 'all'] as const).map((match) => (
          <div key={match} className="checkbox-row">
            <input type="radio" id={`match-${match}`} name="match" value={match} defaultChecked={filters.skillMatch === match} />
            <label htmlFor={`match-${match}`}>{t(match === 'any' ? 'form.skillMatchAny' : 'form.skillMatchAll')}</label>
          </div>
        ))}
      </fieldset>
      <div className="filter-grid">
        <SelectFilter name="skillLevel" label={t('form.skillLevel')} error={errors.skillLevel} defaultValue={String(filters.minSkillLevel ?? '')} anyLabel={t('form.anyLevel')} options={skillLevels} />
        <TextFilter name="city" label={t('form.city')} hint={t('form.cityHint')} error={errors.city} defaultValue={filters.city ?? typed.city} suggestions={cityNames} />
        <SelectFilter name="country" label={t('form.country')} error={errors.country} defaultValue={filters.country ?? ''} anyLabel={t('form.anyCountry')} options={options.countries} />
        <SelectFilter name="lang" label={t('form.language')} error={errors.lang} defaultValue={filters.language ?? ''} anyLabel={t('form.anyLanguage')} options={options.languages} />
        <SelectFilter name="langLevel" label={t('form.languageLevel')} error={errors.langLevel} defaultValue={filters.minLanguageLevel ?? ''} anyLabel={t('form.anyLevel')} options={languageLevels} />
        <SelectFilter name="direction" label={t('form.direction')} error={errors.direction} defaultValue={filters.direction ?? ''} anyLabel={t('form.anyDirection')} options={options.directions} />
        <SelectFilter name="mode" label={t('form.mode')} error={errors.mode} defaultValue={filters.workMode ?? ''} anyLabel={t('form.anyMode')} options={modes} />
        <TextFilter name="hours" label={t('form.hours')} error={errors.hours} defaultValue={filters.minHours?.toString() ?? typed.hours} inputMode="numeric" />
        <SelectFilter
          name="sort"
          label={t('form.sort')}
          error={errors.sort}
          defaultValue={filters.sort}
          options={[
            { value: 'relevance', label: t('form.sortRelevance') },
            { value: 'recent', label: t('form.sortRecent') },
          ]}
        />
      </div>
      <div className="actions">
        <Button type="submit" aria-disabled={busy || undefined}>
          {busy ? (
            <>
              <span className="spinner" aria-hidden="true" />
              {t('form.searching')}
            </>
          ) : (
            t('form.submit')
          )}
        </Button>
        <ButtonLink to="/directory" variant="secondary">
          {t('form.clear')}
        </ButtonLink>
      </div>
    </Form>
  );
}
