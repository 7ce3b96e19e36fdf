/**
 * A failure's lead and its reason as one sentence ("Не получилось: у вас нет прав…"). The reasons are whole sentences
 * (the office's refusal table, ../admin/refusal-text.ts) starting with a capital; after a colon that capital read as
 * a slip ("Не получилось: У вас нет прав…", found from outside). Every such composition, in the office and the
 * participant's screens, goes through here.
 */
import { fill } from './i18n-fill.ts';

/**
 * A plain first word: a capital then small letters only, so a name written in capitals (VK, CSV, SECRETS_KEY) or with
 * one inside (ВКонтакте) and the pronoun "I" keep theirs.
 */
const PLAIN_FIRST_WORD = /^(\p{Lu})(?=\p{Ll}+(?:[\s,.:;!?—–-]|$)|[\s,](?!$))/u;

/**
 * The sentence as it reads after a colon: its first letter small when its first word is a plain word.
 * @example asClause('У вас нет прав на это в этом бренде.') // 'у вас нет прав на это в этом бренде.'
 * @example asClause('VK did not answer the check.') // unchanged
 */
export function asClause(sentence: string): string {
  if (sentence.startsWith('I ')) return sentence;
  return sentence.replace(PLAIN_FIRST_WORD, (letter) => letter.toLocaleLowerCase());
}

/**
 * A failure template's `{reason}` filled with a reason sentence, read as a clause after the template's colon.
 * @example withReason('Не получилось: {reason}', 'Такого пула нет.') // 'Не получилось: такого пула нет.'
 */
export function withReason(template: string, reason: string): string {
  return fill(template, { reason: asClause(reason) });
}
