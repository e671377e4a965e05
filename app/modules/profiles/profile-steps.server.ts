import type { z, ZodTypeAny } from 'zod';
import { parseForm } from '~/modules/forms/read-form.server';
import type { Identity } from '~/platform/db/client.server';
import { heldConsents } from './consents.server';
import { ContactSchema } from './contact-schema';
import { refuseMisshapenRows } from './form-guards.server';
import { isProfileStep, nextStep, type ProfileStep } from './profile-model';
import {
  AboutSchema,
  AvailabilitySchema,
  createVisibilitySchema,
  DirectionsSchema,
  IdentitySchema,
  LanguagesSchema,
  PlaceSchema,
  SkillsSchema,
} from './profile-schemas';
import * as saves from './save-profile.server';

/**
 * Each step of the editor: the schema its form is read with (the same one the browser uses) and
 * how it is saved. Conform's list buttons ("add a language") come back here without JavaScript:
 * they are not a save, just the form sent back with one row more or less.
 */

type StepHandler = {
  schema(identity: Identity): ZodTypeAny | Promise<ZodTypeAny>;
  save(identity: Identity, value: unknown): Promise<saves.SaveOutcome>;
};

function defineStep<S extends ZodTypeAny>(
  schema: (identity: Identity) => S | Promise<S>,
  save: (identity: Identity, value: z.output<S>) => Promise<saves.SaveOutcome>,
): StepHandler {
  return { schema, save: (identity, value) => save(identity, value as z.output<S>) };
}

const steps: Record<ProfileStep, StepHandler> = {
  identity: defineStep(() => IdentitySchema, saves.saveIdentity),
  about: defineStep(() => AboutSchema, saves.saveAbout),
  place: defineStep(() => PlaceSchema, saves.savePlace),
  languages: defineStep(() => LanguagesSchema, saves.saveLanguages),
  skills: defineStep(() => SkillsSchema, saves.saveSkills),
  directions: defineStep(() => DirectionsSchema, saves.saveDirections),
  availability: defineStep(() => AvailabilitySchema, saves.saveAvailability),
  contact: defineStep(() => ContactSchema, saves.saveContact),
  visibility: defineStep(async (identity) => createVisibilitySchema(await heldConsents(identity)), saves.saveVisibility),
};

/** The steps whose forms hold rows, by field name. */
const ROW_LISTS: Partial<Record<ProfileStep, string>> = { languages: 'languages', skills: 'skills' };

/** Reads the posted step and saves it; `saved` is false for errors and for list buttons. */
export async function submitProfileStep(request: Request, identity: Identity, step: ProfileStep) {
  const handler = steps[step];
  const submission = await parseForm(request, await handler.schema(identity));
  refuseMisshapenRows(submission.payload, ROW_LISTS[step]);
  if (submission.status !== 'success') {
    return { result: submission.reply(), saved: false, status: submission.status === 'error' ? 400 : 200 };
  }
  const outcome = await handler.save(identity, submission.value);
  if (!outcome.ok) return { result: submission.reply({ fieldErrors: outcome.fieldErrors }), saved: false, status: 400 };
  return { result: submission.reply(), saved: true, status: 200 };
}

/** The step named in the URL; any other word is a 404. */
export function requireProfileStep(value: string | undefined): ProfileStep {
  if (!isProfileStep(value)) throw new Response('Not found', { status: 404 });
  return value;
}

/** After saving a step: the next one, or the overview after the last, saying what was saved. */
export function pathAfterSaving(step: ProfileStep) {
  const next = nextStep(step);
  return next ? `/account/profile/${next}?saved=${step}` : `/account/profile?saved=${step}`;
}

/** The `saved` parameter of those paths, when it names a step. */
export const savedStep = (request: Request): ProfileStep | null => {
  const saved = new URL(request.url).searchParams.get('saved');
  return isProfileStep(saved) ? saved : null;
};
