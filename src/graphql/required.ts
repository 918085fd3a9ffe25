/**
 * A row reached through a relation of a row the viewer could already read
 * shares its scope, so it must load; null here is a broken invariant, not a
 * not-found, and surfaces as an (masked) internal error.
 */
export function required<T>(row: T | null): T {
  if (row === null) throw new Error('A related row is missing or outside the scope of its parent.');
  return row;
}
