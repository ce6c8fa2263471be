// `npm ci` runs this (postinstall): it initialises the embedded database's cluster once and keeps it, so that every new
// database after it, the first start's included, opens from the kept cluster (packages/db/src/pglite-template.ts).
// Best effort: an install never fails for it; without it, the first new database keeps its cluster instead.
try {
  const { register } = await import('tsx/esm/api');
  register();
  const { prepareInstalledClusterTemplate } = await import('../packages/db/src/pglite-template.ts');
  const outcome = await prepareInstalledClusterTemplate();
  console.log(`shualian: embedded database cluster ${outcome}`);
} catch (error) {
  console.warn(`shualian: the embedded database's cluster was not prepared now (${error?.message ?? error})`);
}
process.exit(0);
