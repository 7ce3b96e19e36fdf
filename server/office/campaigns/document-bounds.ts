/**
 * @module The campaign document's bounds (campaign-document.ts): how long its own texts may be (`BilingualSchema` per
 * language, a code pool's name; counted after trimming, as the server does) and the most a task or reward number may
 * be. Plain, without zod and server imports: the office's preview reads it too (miniapp/admin/preview/previewable.ts),
 * so a title typed past its bound, or a weight past its, is waited for and named instead of sent to be refused at
 * every pause. Settings texts (a quiz's, a band's, the organiser) have no bound.
 */

/** A campaign's, task's or reward's title: a line on a phone's card. */
export const MAX_TITLE_LENGTH = 200;

/** A campaign's, task's or reward's description, and a reward's how-to-use. */
export const MAX_DESCRIPTION_LENGTH = 2000;

/** A campaign's rules: the whole legal text. */
export const MAX_RULES_LENGTH = 20_000;

/** A code pool's name as the campaign document carries it. */
export const MAX_POOL_NAME_LENGTH = 200;

/** The most extra attempts a task grants. */
export const MAX_TASK_ATTEMPTS_GRANTED = 100;

/** The largest wheel or pack-code odds weight of a prize. */
export const MAX_REWARD_WEIGHT = 1_000_000;

/** The most times one participant may win a prize by plays. */
export const MAX_PER_USER_LIMIT = 1000;

/** The most tasks, prizes and code pools a campaign is saved with. */
export const MAX_TASKS = 50;
export const MAX_REWARDS = 50;
export const MAX_POOLS = 20;
