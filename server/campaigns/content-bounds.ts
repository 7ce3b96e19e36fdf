/**
 * @module A campaign's content bounds: how long the office's campaign document's own texts may be
 * (server/office/campaigns/campaign-document.ts: `BilingualSchema` per language, a code pool's name; counted after
 * trimming, as the server does), and the most a task or reward number may be. Plain, without zod and server imports:
 * the office's preview reads it too (miniapp/admin/preview/previewable.ts), so a title typed past its bound, or a weight
 * past its, is waited for and named instead of sent to be refused at every pause. The settings and task configs
 * (server/promo/settings.ts) and the calculator take theirs from here too, so a brand member, or a request forged with
 * their session, cannot store a megabyte of quiz text every participant then downloads; a quiz's own counts and scores
 * are in quiz-bounds.ts, the help questions' in faq-bounds.ts. It lives beside the campaign's content rules, not in the
 * office, because the promo domain reads it. Each bound is far past what a template or the demo uses; a stored value
 * past one still reads (decision 055), and its next save names the field.
 */

/** A campaign's, task's or reward's title: a line on a phone's card. */
export const MAX_TITLE_LENGTH = 200;

/** A campaign's, task's or reward's description, and a reward's how-to-use. */
export const MAX_DESCRIPTION_LENGTH = 2000;

/** A campaign's rules: the whole legal text. */
export const MAX_RULES_LENGTH = 20_000;

/**
 * A code pool's name, as the campaign document and the pool routes take it. The pool routes took 120 and the document
 * 200: a pool named 121–200 characters in the document could not have been made by the routes, and refusing it now
 * would refuse the next save of a campaign that has one, so both take the longer.
 */
export const MAX_POOL_NAME_LENGTH = 200;

/** The free codes at or below which a pool warns (the pool routes' threshold and the document's). */
export const MAX_LOW_STOCK_THRESHOLD = 1_000_000;

/**
 * A task's, prize's, pool's or score band's key, and every reference to one in settings (the pack code's and a code
 * task's pool, a band's prize, a draw's tasks, a prize's `unlock.of`): a longer one names nothing that exists.
 */
export const MAX_KEY_LENGTH = 64;

/** A web address: a task's link, a story's image, a quiz question's picture, the cover. */
export const MAX_LINK_LENGTH = 2000;

/** A settings text a participant reads as one line: a quiz option, a score band's title, the wheel's lose sector. */
export const MAX_LABEL_LENGTH = 200;

/** A longer settings text: a quiz question, a score band's description, the organiser, a draw's prize. */
export const MAX_SETTINGS_TEXT_LENGTH = 2000;

/** The wheel's attempts a day, free or in all. */
export const MAX_DAILY_ATTEMPTS = 1000;

/** The friends an «invite friends» task asks for. */
export const MAX_FRIENDS_REQUIRED = 1000;

/**
 * A prize's stock and daily cap: far past any print run, and inside PostgreSQL's `integer` column (2^31 − 1), which
 * refused a larger one with a 500 after the document's shape had taken it.
 */
export const MAX_STOCK = 100_000_000;

/** A draw's winners (at least one) and its reserves (none or more): each list is at most this long. */
export const MAX_DRAW_WINNERS = 10_000;
export const MAX_DRAW_RESERVES = 10_000;

/** A task's position among the campaign's tasks (either way from 0): an `integer` column too. */
export const MAX_TASK_POSITION = 1_000_000;

/** The most extra attempts a task grants. */
export const MAX_TASK_ATTEMPTS_GRANTED = 100;

/** The largest wheel or pack-code odds weight of a prize, and of losing (the wheel's and the pack code's `loseWeight`). */
export const MAX_REWARD_WEIGHT = 1_000_000;

/** The most times one participant may win a prize by plays. */
export const MAX_PER_USER_LIMIT = 1000;

/**
 * The most tasks, prizes and code pools a campaign is saved with; so also the most tasks a draw requires or a prize
 * counts (`unlock.tasks`, `unlock.of`).
 */
export const MAX_TASKS = 50;
export const MAX_REWARDS = 50;
export const MAX_POOLS = 20;
