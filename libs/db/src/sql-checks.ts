/** `"column" IN ('A','B')` (or NULL) for a CHECK constraint on an enum stored as varchar (ADR 0003). */
export function oneOf(column: string, values: readonly string[], nullable = false): string {
  const list = `"${column}" IN (${values.map((v) => `'${v}'`).join(',')})`;
  return nullable ? `"${column}" IS NULL OR ${list}` : list;
}

/** Every element of an array column is one of the values. */
export function allOf(column: string, values: readonly string[]): string {
  return `"${column}" <@ ARRAY[${values.map((v) => `'${v}'`).join(',')}]::text[]`;
}
