import type { Migration } from 'kysely';

/** A module's migrations, named `NNNN-<what>`, as its door exports them. */
export type ModuleMigrations = Readonly<Record<string, Migration>>;

const NAME = /^(\d{4})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The whole schema's migrations: the baseline (the tables from before the modules) followed by each module's own.
 * The migrator applies them in name order, so the four-digit numbers are one sequence across modules: a module's
 * migration is numbered after every migration that shipped before it, and two modules never share a number.
 * A module whose migration breaks that is refused here, at start-up and in the specs, not half-applied.
 */
export function collectMigrations(
  baseline: ModuleMigrations,
  modules: Readonly<Record<string, ModuleMigrations>>,
): Record<string, Migration> {
  const numbers = new Map<string, string>();
  for (const name of Object.keys(baseline)) numbers.set(numberOf(name, 'baseline'), 'baseline');
  const lastBaseline = [...numbers.keys()].sort().at(-1) ?? '0000';
  const collected: Record<string, Migration> = { ...baseline };
  for (const [module, migrations] of Object.entries(modules)) {
    for (const [name, migration] of Object.entries(migrations)) {
      const number = numberOf(name, module);
      if (number <= lastBaseline)
        throw new Error(`migration ${name} of module ${module} is not numbered after the baseline (${lastBaseline})`);
      const owner = numbers.get(number);
      if (owner) throw new Error(`migration ${name} of module ${module} takes number ${number}, already ${owner}'s`);
      numbers.set(number, module);
      collected[name] = migration;
    }
  }
  return Object.fromEntries(Object.entries(collected).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function numberOf(name: string, owner: string): string {
  const match = NAME.exec(name);
  if (!match) throw new Error(`migration ${name} of ${owner} is not named NNNN-<what-it-does> in kebab case`);
  return match[1]!;
}
