import { describe, expect, it } from 'vitest';
import { fieldErrorFor } from './profile-errors.server';

/** PostgreSQL refusals as postgres.js reports them, and the field each one lands on. */
describe('fieldErrorFor', () => {
  it.each([
    [{ code: '23514', hint: 'consent:visible_to_members' }, { consentMembers: ['errors.consentMembersNeeded'] }],
    [{ code: '23514', hint: 'consent:visible_to_organizers' }, { consentOrganizers: ['errors.consentOrganizersNeeded'] }],
    [{ code: '23503', constraint_name: 'profiles_city_id_fkey' }, { city: ['errors.unknownCity'] }],
    [{ code: '23503', constraint_name: 'profile_skills_skill_id_fkey' }, { skills: ['errors.unknownSkill'] }],
    [{ code: '23514', message: 'at most 30 rows in profile_skills per profile' }, { skills: ['errors.tooManySkills'] }],
    [{ code: '23514', message: 'at most 20 rows in profile_tags per profile' }, { tags: ['errors.tooManyTags'] }],
    [{ code: '23514', constraint_name: 'profiles_legal_name_audience_check' }, { legalName: ['errors.audienceCapped'] }],
    [{ code: '23505', constraint_name: 'profile_languages_pkey' }, { languages: ['errors.repeated'] }],
  ])('%o becomes %o', (error, expected) => {
    expect(fieldErrorFor(error)).toEqual(expected);
  });

  it.each([
    [{ code: '08006', message: 'connection failure' }],
    [{ code: '23503', constraint_name: 'something_else_fkey' }],
    [{ code: '23514', hint: 'consent:withdrawn' }],
    [new Error('boom')],
    [null],
  ])('leaves %o to be thrown on', (error) => {
    expect(fieldErrorFor(error)).toBeNull();
  });
});
