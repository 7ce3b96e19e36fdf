/**
 * What the rule editor shows is wrong, and where: blanks marked once Save is pressed (Save is never greyed out without
 * a word why), the server's 422 issues at the fields their paths name (rule-fields.ts), and the line under Save that
 * names those fields. A field's marks from the server go when it is edited; the line goes when none are left.
 */
import { useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { refusalText } from '../refusal-text.ts';
import type { NewRule } from './mailing-api.ts';
import type { FieldMark } from './RuleVariants.tsx';
import { blankProblems, type FieldProblem, fieldOf, problemNames, refusedProblems, ruleFields } from './rule-fields.ts';
import type { MailingsServices } from './use-mailings.ts';

export function useRuleProblems(services: MailingsServices, draft: NewRule) {
  const { m } = services;
  /** The last refused save, worded; `fielded`: its problems were shown at fields. */
  const [refusal, setRefusal] = useState<{ text: string; fielded: boolean }>();
  /** The server's field problems from the last refused save (its 422 issues by path). */
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  /** Save was pressed: from then on blanks are marked (not while the form is first being filled in). */
  const [tried, setTried] = useState(false);
  const fields = ruleFields(m, draft);
  const blanks = tried ? blankProblems(m, draft) : [];
  const shown = [...blanks, ...problems];

  const mark: FieldMark = (id) => {
    const here = shown.filter((p) => fieldOf(fields, p.path)?.id === id).map((p) => p.text);
    return {
      status: here.length > 0 ? 'error' : 'default',
      bottom: here.length > 0 ? [...new Set(here)].join('; ') : undefined,
      'data-testid': `rule-field-${id}`,
    };
  };

  // Under Save: the blanks by name; else the refusal and the fields it named that are still to fix.
  const blankNames = problemNames(fields, blanks);
  const refusedNames = problemNames(fields, problems);
  const toFix = refusedNames.length > 0 ? [fill(m.fieldsToFix, { fields: refusedNames.join(', ') })] : [];
  const status: string[] | undefined =
    blankNames.length > 0
      ? [fill(m.required, { field: blankNames.join(', ') })]
      : refusal && !(refusal.fielded && refusedNames.length === 0)
        ? [refusal.text, ...toFix]
        : undefined;

  return {
    mark,
    /** A field's mark, or its hint when it has none. */
    markOr: (id: string, hint: string) => {
      const here = mark(id);
      return { ...here, bottom: here.bottom ?? hint };
    },
    /** The field (its id in rule-fields.ts) was edited: the server's marks at it go. */
    edited: (field: string) => setProblems((ps) => ps.filter((p) => fieldOf(fields, p.path)?.id !== field)),
    /** A variant was added or removed: the places the server's marks pointed at have moved. */
    reshaped: () => setProblems([]),
    /** Save was pressed: whether the rule may be sent; if not, its blanks are now marked and named. */
    ready: () => {
      setTried(true);
      return blankProblems(m, draft).length === 0;
    },
    refused: (err: unknown) => {
      const atFields = refusedProblems(err, services);
      setProblems(atFields);
      setRefusal({
        text: withReason(m.error, refusalText(err, services.language)),
        fielded: atFields.length > 0,
      });
    },
    /** The lines under Save, if any. */
    status,
  };
}
