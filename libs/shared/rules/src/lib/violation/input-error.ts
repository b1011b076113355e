/**
 * A reason a rule's *configuration* is unusable (not a broken rule in a plan): the API turns these into
 * a 400 that names the field, e.g. `{ field: 'openingHours', message: <the parser's message> }`.
 */
export interface RuleInputError {
  field: string;
  message: string;
}
