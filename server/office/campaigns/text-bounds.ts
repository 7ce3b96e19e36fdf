/**
 * @module How long the campaign document's own texts may be (campaign-document.ts: `BilingualSchema` per language,
 * a code pool's name), counted after trimming as the server does. Plain, without zod and server imports: the office's
 * preview reads it too (miniapp/admin/preview/previewable.ts), so a title typed past its bound is waited for and named
 * instead of sent to be refused at every pause. Settings texts (a quiz's, a band's, the organiser) have no bound.
 */

/** A campaign's, task's or reward's title: a line on a phone's card. */
export const MAX_TITLE_LENGTH = 200;

/** A campaign's, task's or reward's description, and a reward's how-to-use. */
export const MAX_DESCRIPTION_LENGTH = 2000;

/** A campaign's rules: the whole legal text. */
export const MAX_RULES_LENGTH = 20_000;

/** A code pool's name as the campaign document carries it. */
export const MAX_POOL_NAME_LENGTH = 200;
