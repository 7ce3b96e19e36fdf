/**
 * A member's right as far as the office knows it: held, not held, or not known — while `GET /api/admin/office` is
 * asked, or when it failed (decisions 116, 117: unknown rights are neither claimed nor denied to the member). A screen
 * that says something about the member words each case apart: the way in, who to ask, or only what the work needs.
 */

/**
 * Whether the member holds `section` on the brand; undefined while their rights are not known.
 * @example holdsRight(useOfficeRights(doc.brandId), 'prizes') // undefined until the office's answer
 */
export function holdsRight(
  rights: { office: unknown; sections: readonly string[] },
  section: string,
): boolean | undefined {
  return rights.office ? rights.sections.includes(section) : undefined;
}

/**
 * The words for a right held, not held, or not known.
 * @example byRight(undefined, { holds: 'upload', lacks: 'ask', unknown: 'needs the right' }) // 'needs the right'
 */
export function byRight<W>(holds: boolean | undefined, words: { holds: W; lacks: W; unknown: W }): W {
  return holds === true ? words.holds : holds === false ? words.lacks : words.unknown;
}
