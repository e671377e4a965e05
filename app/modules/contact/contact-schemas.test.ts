import { parseWithZod } from '@conform-to/zod';
import { describe, expect, it } from 'vitest';
import { MemberAnswerSchema, OrganizerRequestFormSchema } from './contact-schemas';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const errors = (schema: Parameters<typeof parseWithZod>[1]['schema'], fields: Record<string, string>) => {
  const submission = parseWithZod(form(fields), { schema });
  return submission.status === 'success' ? null : submission.reply().error;
};

describe('the organizer request form', () => {
  it('takes a message of 1 to 2000 characters, trimmed, with line breaks', () => {
    const submission = parseWithZod(form({ intent: 'send', message: '  Hello,\nwe need a translator.  ' }), { schema: OrganizerRequestFormSchema });
    expect(submission.status).toBe('success');
    expect(submission.status === 'success' && submission.value).toEqual({
      intent: 'send',
      message: 'Hello,\nwe need a translator.',
    });
  });

  it('refuses an empty, a too long or a control-character message with keys of the contact namespace', () => {
    expect(errors(OrganizerRequestFormSchema, { intent: 'send', message: '   ' })).toEqual({ message: ['errors.messageRequired'] });
    expect(
      errors(OrganizerRequestFormSchema, {
        intent: 'send',
        message: 'x'.repeat(2001),
      }),
    ).toEqual({ message: ['errors.messageTooLong'] });
    expect(
      errors(OrganizerRequestFormSchema, {
        intent: 'send',
        message: 'bell\u0007',
      }),
    ).toEqual({ message: ['errors.controlCharacters'] });
  });

  it('withdraws only a well-formed request id', () => {
    expect(errors(OrganizerRequestFormSchema, { intent: 'withdraw', requestId: 'x' })).toEqual({ requestId: ['errors.unknownRequest'] });
  });
});

describe('the member answers', () => {
  it('accepts, declines and blocks with a request id; a report needs a reason', () => {
    const id = '8b7f4c2e-1d3a-4f5b-9c6d-7e8f9a0b1c2d';
    for (const intent of ['accept', 'decline', 'block']) expect(errors(MemberAnswerSchema, { intent, requestId: id })).toBeNull();
    expect(errors(MemberAnswerSchema, { intent: 'report', requestId: id })).toEqual({ reason: ['errors.reasonRequired'] });
    expect(
      errors(MemberAnswerSchema, {
        intent: 'report',
        requestId: id,
        reason: 'Spam',
      }),
    ).toBeNull();
    expect(errors(MemberAnswerSchema, { intent: 'accept', requestId: 'nope' })).toEqual({ requestId: ['errors.unknownRequest'] });
  });
});
