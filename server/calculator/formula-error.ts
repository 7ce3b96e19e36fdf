/** @module The one error a calculator formula raises, on save (syntax, unknown name) or on evaluation (bounds). */

export type FormulaErrorCode =
  | 'too_long'
  | 'syntax'
  | 'not_allowed'
  | 'unknown_name'
  | 'unknown_function'
  | 'arity'
  | 'too_deep'
  | 'exponent_too_large'
  | 'division_by_zero'
  | 'not_finite';

/**
 * A formula refused or stopped. `position` is the 0-based character offset in the formula's text where the problem
 * starts (undefined when it is about the whole formula or about values, not text). `inputs`, when evaluation stopped,
 * are the inputs whose values made it stop (the divisor's, the exponent's), so a participant can be told which
 * answer to change; empty when no input is to blame (a constant in the formula).
 */
export class FormulaError extends Error {
  constructor(
    readonly code: FormulaErrorCode,
    message: string,
    readonly position?: number,
    readonly inputs?: readonly string[],
  ) {
    super(position === undefined ? message : `${message} (at character ${position + 1})`);
    this.name = 'FormulaError';
  }
}
