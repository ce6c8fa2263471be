/**
 * Runs a write and turns a unique-constraint violation into the domain error named for that constraint, so two
 * requests racing for the same code or barcode get the same clear answer as a plain duplicate. Both PostgreSQL and
 * PGlite report the violated constraint by name (SQLSTATE 23505).
 */
export async function refuseDuplicates<T>(write: () => Promise<T>, errors: Record<string, () => Error>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
    const refusal = code === '23505' && typeof constraint === 'string' ? errors[constraint] : undefined;
    throw refusal ? refusal() : error;
  }
}
