import { describe, expect, it } from 'vitest';
import { ApplicationFormSchema, OrganizerApplicationSchema } from './application-schema';

const valid = {
  intent: 'apply',
  organization: '  Belarusian House  ',
  roleInOrganization: 'Coordinator',
  motivation: 'We need translators for our legal aid desk.\nUrgently.',
  reference: 'Ales K., board member',
};

describe('the organizer application form', () => {
  it('accepts a complete application and trims it', () => {
    const parsed = OrganizerApplicationSchema.parse(valid);
    expect(parsed.organization).toBe('Belarusian House');
  });

  it('names each problem with a key of the organizers namespace', () => {
    const result = OrganizerApplicationSchema.safeParse({ ...valid, organization: 'X', motivation: 'short', reference: undefined });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((issue) => issue.message).sort();
    expect(messages).toEqual(['errors.motivationTooShort', 'errors.organizationTooShort', 'errors.referenceRequired']);
  });

  it('refuses control characters in a name but keeps line breaks in the motivation', () => {
    expect(OrganizerApplicationSchema.safeParse({ ...valid, organization: 'Org\u0000anization' }).success).toBe(false);
    expect(OrganizerApplicationSchema.safeParse(valid).success).toBe(true);
  });

  it('withdrawing needs an application id', () => {
    expect(ApplicationFormSchema.safeParse({ intent: 'withdraw', applicationId: 'nope' }).success).toBe(false);
    expect(ApplicationFormSchema.safeParse({ intent: 'withdraw', applicationId: '6f1c0d4e-8a2b-4c3d-9e8f-1a2b3c4d5e6f' }).success).toBe(true);
  });
});
