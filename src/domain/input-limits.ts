// What any text the API accepts must be: well-formed Unicode without NUL, and
// no longer than its limit. PostgreSQL refuses U+0000 in text and jsonb, and a
// lone UTF-16 surrogate cannot be encoded as UTF-8 (it would be stored as
// U+FFFD), so both are refused before anything runs. The lengths are Stripe's
// where Stripe has one; each is declared here once.

export const INPUT_LIMITS = {
  /** Any String argument or input field: Stripe's cap on its free-text parameters. */
  string: 5000,
  /** Any ID argument or input field (ours are at most 69 characters; Stripe allows 255). */
  id: 255,
  /** Items in any list argument or input field; no list the API takes needs more. */
  listItems: 100,
  /** Stripe's Idempotency-Key. */
  idempotencyKey: 255,
  /** A financial account's nickname (Stripe: under 250 characters). */
  nickname: 249,
  /** A connected account's business name. */
  displayName: 200,
  /** An email address (RFC 5321's path limit). */
  email: 254,
  /** An `Authorization` header or its connectionParams counterpart: our credentials are under 150 characters. */
  credential: 512,
} as const;

export interface TextProblem {
  /** Stripe-style error code. */
  code: 'parameter_invalid_string_too_long' | 'parameter_invalid_character';
  /** What is wrong, as the end of a sentence that starts with the input's name: "contains ...", "is ... long". */
  problem: string;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/** Why `text` may not be accepted, or null when it may. Length is counted in UTF-16 code units, as Stripe does. */
export function textProblem(text: string, maxLength: number): TextProblem | null {
  if (text.length > maxLength) {
    return {
      code: 'parameter_invalid_string_too_long',
      problem: `is ${text.length} characters long; at most ${maxLength} are allowed`,
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return { code: 'parameter_invalid_character', problem: `contains a NUL character (U+0000) at index ${nul}, which text may not contain` };
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    return {
      code: 'parameter_invalid_character',
      problem:
        `contains a lone UTF-16 surrogate (U+${hex(surrogate[0].charCodeAt(0))}) at index ${surrogate.index}: ` +
        'text must be well-formed Unicode',
    };
  }
  return null;
}
