/** @module OpenAPI shapes of the draw's answers (participant and office). */
import { z } from '@hono/zod-openapi';
import { PersonSchema } from '../../http/person-schema.ts';
import { RowIdParam, rowId } from '../../http/row-id.ts';
import { visibleText } from '../../http/text-fields.ts';
import { ENTRY_FLAGS } from './draw-flags.ts';

const AlgorithmSchema = z
  .object({
    name: z.string().openapi({ example: 'provably-fair-draw/v1' }),
    steps: z.array(z.string()).openapi({ description: 'How to recompute the picks from the seed and the list' }),
  })
  .openapi('DrawAlgorithm');

const STATUS = z
  .enum(['none', 'awaiting_launch', 'committed', 'drawn'])
  .openapi({ description: 'none: no draw; awaiting_launch: no commitment yet; committed; drawn' });

const PublicPickSchema = z.object({
  position: z.number().int(),
  counter: z.number().int().openapi({ description: 'The k whose HMAC produced this pick' }),
  index: z.number().int(),
  hash: z.string(),
  masked: z.string().openapi({ example: 'vk:12••••78' }),
});

export const ParticipantDrawSchema = z
  .object({
    status: STATUS,
    algorithm: AlgorithmSchema,
    commitment: z.string().nullable().openapi({ description: 'hex SHA-256 of the secret seed, from the launch' }),
    committedAt: z.number().int().nullable(),
    drawAt: z.number().int().nullable(),
    winners: z.number().int(),
    reserves: z.number().int(),
    me: z
      .object({
        joined: z.boolean(),
        entered: z.boolean(),
        missing: z.array(z.object({ key: z.string(), title: z.string() })),
        entryHash: z.string().openapi({ description: 'Your entry hash, to find yourself in the published list' }),
      })
      .nullable(),
    results: z
      .object({
        drawnAt: z.number().int(),
        seed: z.string(),
        entriesHash: z.string(),
        entryCount: z.number().int(),
        winners: z.array(PublicPickSchema),
        reserves: z.array(PublicPickSchema),
        replaced: z.array(PublicPickSchema),
      })
      .nullable(),
  })
  .openapi('ParticipantDraw');

export const DrawEntriesSchema = z
  .object({
    entriesHash: z.string(),
    entries: z.array(z.object({ index: z.number().int(), hash: z.string() })),
  })
  .openapi('DrawEntries');

const OfficePickSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  counter: z.number().int(),
  entryIndex: z.number().int(),
  entryHash: z.string(),
  role: z.enum(['winner', 'reserve']),
  standing: z.boolean(),
  platform: z.string(),
  userId: z.string(),
  profileUrl: z.string().nullable().openapi({ description: "The winner's VK profile (vk platform only), else null" }),
  replacesPickId: z.number().int().nullable(),
  replacedAt: z.number().int().nullable(),
  replacedReason: z.string().nullable(),
  /** The member who replaced this pick. */
  replacedBy: PersonSchema.nullable(),
  verification: z.object({ at: z.number(), ok: z.boolean(), checks: z.array(z.unknown()) }).nullable(),
  announcedAt: z.number().int().nullable(),
});

export const OfficeDrawSchema = z
  .object({
    status: STATUS,
    problem: z.string().nullable(),
    /** The campaign's IANA time zone, in which the office shows the draw's times. */
    timeZone: z.string(),
    settings: z
      .object({
        winners: z.number().int(),
        reserves: z.number().int(),
        drawAt: z.number().int(),
        requiredTaskKeys: z.array(z.string()),
      })
      .nullable(),
    algorithm: AlgorithmSchema,
    commitment: z.string().nullable(),
    committedAt: z.number().int().nullable(),
    canDraw: z.boolean(),
    entryCount: z.number().int().nullable(),
    drawnAt: z.number().int().nullable(),
    seed: z.string().nullable(),
    entriesHash: z.string().nullable(),
    picks: z.array(OfficePickSchema),
  })
  .openapi('OfficeDraw');

export const VerificationSchema = z
  .object({
    at: z.number().int(),
    ok: z.boolean(),
    checks: z.array(
      z.object({ taskKey: z.string(), kind: z.string(), ok: z.boolean(), source: z.enum(['vk', 'record']) }),
    ),
  })
  .openapi('DrawVerification');

export const AnnouncementSchema = z
  .object({
    queued: z.number().int(),
    withoutConsent: z.number().int(),
    otherPlatform: z.number().int(),
    alreadyAnnounced: z.number().int(),
  })
  .openapi('DrawAnnouncement');

export const RepickBodySchema = z.object({
  reason: visibleText(500).min(3).openapi({ example: 'Left the community before the draw' }),
});

export const OfficeEntrantsSchema = z
  .object({
    frozen: z.boolean().openapi({ description: 'The draw has run: this is the frozen list, nothing can be excluded' }),
    vkChecked: z.boolean().openapi({ description: 'False when VK could not answer: the page flags are missing' }),
    entrants: z.array(
      z.object({
        participantId: z.number().int(),
        platform: z.string(),
        userId: z.string(),
        profileUrl: z.string().nullable(),
        flags: z.array(z.enum(ENTRY_FLAGS)),
        why: z
          .object({
            deactivated: z.object({ state: z.string().openapi({ example: 'banned' }) }).optional(),
            referral_burst: z
              .object({
                referrer: PersonSchema,
                entries: z
                  .number()
                  .int()
                  .openapi({ description: 'The most entries this referrer brought in one window' }),
                windowMinutes: z.number().int(),
              })
              .optional(),
            verification_failed: z.object({ tasks: z.array(z.string()) }).optional(),
          })
          .openapi({ description: 'Why the flags that have details were raised' }),
        excluded: z.object({ reason: z.string(), by: PersonSchema, at: z.number() }).nullable(),
      }),
    ),
  })
  .openapi('DrawOfficeEntrants');

export const ExclusionBodySchema = z.object({
  participantId: rowId(),
  reason: visibleText(500).min(3).openapi({ description: 'Why the entry is taken out (the audit log)' }),
});

export const ExclusionParamsSchema = z.object({
  id: RowIdParam,
  participantId: RowIdParam,
});
