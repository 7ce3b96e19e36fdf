/**
 * @module The variables a support reply may carry, `{name}`, `{code}`, `{campaign}`: filled on the server at send time
 * from the participant's own data (their VK first name, the latest code they were granted, the campaign's title in
 * their language), never from what the office sends. A variable with no value for this participant (no code yet, a
 * name VK cannot tell) refuses the reply with a 422 that names it, rather than sending a hole; VK not answering for
 * `{name}` is a 503 `vk_unavailable` to retry, not a missing value.
 */

import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { type ContentLanguage, columnText, contentLanguageOf } from '../campaigns/content-language.ts';
import { schema } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { VkApiUnavailableError, vkOf } from '../vk/vk-api.ts';
import { ticketParticipant } from './participant-progress.ts';
import type { TicketRow } from './ticket.service.ts';

export const REPLY_VARIABLES = ['name', 'code', 'campaign'] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

const pattern = /\{(name|code|campaign)\}/g;

/** The variables a text uses, each once. */
export function variablesIn(text: string): ReplyVariable[] {
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1] as ReplyVariable))];
}

/** Replaces each known variable by its value; the caller made sure every used one has a value. */
export function fillVariables(text: string, values: Partial<Record<ReplyVariable, string>>): string {
  return text.replace(pattern, (whole, name: ReplyVariable) => values[name] ?? whole);
}

/**
 * The participant's first name from VK, or undefined when they have none (network I/O: call it outside a
 * transaction). VK not answering is no "no value": a 503 `vk_unavailable` the office may retry, nothing written.
 */
async function vkFirstName(deps: Deps, t: TicketRow, language: ContentLanguage): Promise<string | undefined> {
  if (t.platform !== 'vk') return undefined;
  try {
    return await vkOf(deps).firstName(t.platformUserId, language);
  } catch (err) {
    if (err instanceof VkApiUnavailableError)
      throw new ApiError(503, 'vk_unavailable', `VK did not answer for {name}; nothing was sent: ${err.message}`);
    throw err;
  }
}

export interface FilledReply {
  body: string;
  language: ContentLanguage;
}

/** Fills the variables `body` uses for the ticket's participant; 422 `variable_unavailable` when one has no value. */
export async function fillReply(deps: Deps, brandId: number, t: TicketRow, body: string): Promise<FilledReply> {
  const found = await ticketParticipant(deps.db, brandId, t);
  const language = contentLanguageOf(found?.participant.language);
  const used = variablesIn(body);
  if (used.length === 0) return { body, language };
  const values: Partial<Record<ReplyVariable, string>> = {};
  for (const variable of used) {
    if (variable === 'name') values.name = await vkFirstName(deps, t, language);
    if (variable === 'campaign' && found) values.campaign = columnText(found.campaign, 'title', language);
    if (variable === 'code' && found) {
      const [latest] = await deps.db
        .select({ code: schema.grants.code })
        .from(schema.grants)
        .where(and(eq(schema.grants.participantId, found.participant.id), isNotNull(schema.grants.code)))
        .orderBy(desc(schema.grants.issuedAt), desc(schema.grants.id))
        .limit(1);
      values.code = latest?.code ?? undefined;
    }
  }
  const missing = used.filter((v) => !values[v]);
  if (missing.length > 0) {
    throw new ApiError(422, 'variable_unavailable', `No value for {${missing.join('}, {')}} for this participant`, [
      ...missing.map((v) => ({
        path: 'body',
        message: `{${v}} has no value for this participant`,
        code: 'no_value',
        params: { variable: v },
      })),
    ]);
  }
  return { body: fillVariables(body, values), language };
}
