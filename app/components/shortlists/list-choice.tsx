import { useTranslation } from 'react-i18next';
import { Field, FieldErrors, type FieldMeta } from '~/components/ui/field';
import type { ShortlistSummary } from '~/modules/shortlists/shortlists.server';

/**
 * "Which list?": one radio button per list of the organizer (marked when the member is already
 * on it) and one for a new list, whose name field follows. A fieldset with a legend, so screen
 * readers announce the question with each choice.
 */
export function ListChoice({ lists, listField, nameField }: { lists: ShortlistSummary[]; listField: FieldMeta; nameField: FieldMeta }) {
  const { t } = useTranslation('shortlists');
  const chosen = typeof listField.value === 'string' ? listField.value : 'new';
  return (
    <fieldset className="shortlist-choice" aria-describedby={listField.errors?.length ? listField.errorId : undefined}>
      <legend>{t('add.chooseList')}</legend>
      {lists.map((list) => (
        <label key={list.id} className="choice">
          <input type="radio" name={listField.name} value={list.id} defaultChecked={chosen === list.id} />
          {list.hasMember ? t('add.alreadyOn', { name: list.name }) : list.name}
        </label>
      ))}
      <label className="choice">
        <input type="radio" name={listField.name} value="new" defaultChecked={chosen === 'new'} />
        {t('add.newList')}
      </label>
      <FieldErrors meta={listField} namespace="shortlists" />
      <Field meta={nameField} label={t('add.newName')} namespace="shortlists" autoComplete="off" />
    </fieldset>
  );
}
