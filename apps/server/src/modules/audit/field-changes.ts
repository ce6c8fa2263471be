/** The fields of `patch` whose value differs from `current`, as { from, to }: what an audit event records of an edit. */
export function changed<T extends object>(
  current: T,
  patch: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(patch)) {
    const from = (current as Record<string, unknown>)[key];
    if (to !== undefined && to !== from) changes[key] = { from, to };
  }
  return changes;
}
