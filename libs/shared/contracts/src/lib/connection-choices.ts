import type { Platform } from './platform';

/*
 * A sign-in that found several accounts the person may connect the channel to (the Facebook pages,
 * Instagram accounts or LinkedIn organisations they manage): the channel page asks which one.
 */

export const CONNECTION_CHOICE_KINDS = ['page', 'instagram_account', 'organization'] as const;
export type ConnectionChoiceKind = (typeof CONNECTION_CHOICE_KINDS)[number];

/** One account to pick; never its tokens. */
export interface ConnectionChoice {
  id: string;
  name: string;
  kind: ConnectionChoiceKind;
  pictureUrl?: string;
}

/** `GET …/channels/{id}/connection/choices/{signInId}`. */
export interface ConnectionChoicesView {
  platform: Platform;
  choices: ConnectionChoice[];
}

/** `POST …/channels/{id}/connection/choices/{signInId}`; answers the connection view. */
export interface ChooseConnectionRequest {
  choiceId: string;
}
