import type { BallotRule } from '@baton/model';
import { ApiError } from '../http/errors.js';

/** The refusals of the workshop API, each with a sentence a participant can act on. */
export type WorkshopErrorCode =
  | 'no-workshop'
  | 'workshop-running'
  | 'facilitator-token-required'
  | 'not-facilitator'
  | 'participant-token-required'
  | 'not-participant'
  | 'unknown-phase'
  | 'unknown-participant'
  | 'no-open-ballot'
  | 'ballot-open'
  | 'workshop-busy'
  | BallotRule;

export const noWorkshop = (): ApiError =>
  new ApiError(404, 'no-workshop', 'No workshop is running on this map. Start one with the edit link.');

export const facilitatorRequired = (): ApiError =>
  new ApiError(
    401,
    'facilitator-token-required',
    'Only the facilitator can do this: send the facilitator token (X-Baton-Facilitator or ?facilitator=).',
  );

export const notFacilitator = (): ApiError =>
  new ApiError(
    403,
    'not-facilitator',
    'This facilitator token does not lead the workshop running on this map.',
  );

export const participantRequired = (): ApiError =>
  new ApiError(
    401,
    'participant-token-required',
    'Join the workshop first: voting needs your participant token (X-Baton-Participant or ?participant=).',
  );

export const notParticipant = (): ApiError =>
  new ApiError(
    403,
    'not-participant',
    'This participant token does not belong to the workshop running on this map.',
  );
