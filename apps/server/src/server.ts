import { migrateToLatest, openDatabase, type DatabaseHandle } from '@shualian/db';
import type { Config } from './platform/config.ts';
import { DEMO_MEMBER, ensureDemoMember } from './demo/demo-member.ts';
import { seedDemo, DEMO_LOGINS, DEMO_PASSWORD, type DemoSeed } from './demo/seed.ts';
import { buildApp } from './platform/http/app.ts';
import { Readiness } from './platform/http/readiness.ts';
import type { App } from './platform/http/app.types.ts';
import { startBackgroundWork } from './background-work.ts';
import { createServices, type Services } from './container.ts';
import { EngineGallery, EngineRecognizer } from './modules/biometrics/index.ts';
import { lazyRecognizer } from './modules/biometrics/index.ts';
import { resolveMasterKey } from './platform/master-key.ts';
import { buildWebApps } from './platform/http/web-apps.routes.ts';
import { schemaMigrations } from './schema-migrations.ts';

export interface RunningServer {
  app: App;
  database: DatabaseHandle;
  /** The server's services, for the start-up work and for harnesses that act as a device would (the browser suite). */
  services: Services;
  url: string;
  demo?: DemoSeed;
  stop(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/pg` });
}

/** Opens and migrates the database, seeds the demo when empty, and starts listening. */
export async function startServer(config: Config): Promise<RunningServer> {
  // The browser apps are bundled by esbuild's own process while this one opens and migrates the database.
  const webAppsDir = `${config.dataDir}/web`;
  const webAppsBuilt = buildWebApps(webAppsDir);
  webAppsBuilt.catch(() => undefined);
  const database = await openConfiguredDatabase(config).catch(async (error: unknown) => {
    await webAppsBuilt.catch(() => undefined);
    throw error;
  });
  try {
    const migration = await migrateToLatest(database.db, schemaMigrations);
    const masterKey = await resolveMasterKey(config);
    let engine: EngineRecognizer | undefined;
    // The engine loads after the app exists; its worker replacements are logged through the app's logger.
    const running: { app?: App } = {};
    const loadEngine = async () =>
      (engine = await EngineRecognizer.load({
        workers: config.faceWorkers,
        workerMemoryMb: config.faceWorkerMemoryMb,
        jobDeadlineMs: config.faceJobDeadlineMs,
        onWorkerReplaced: (event) => running.app?.log.warn(event, 'face engine worker replaced'),
      }));
    const services = createServices(database.db, config, {
      masterKey: masterKey.key,
      recognizer: lazyRecognizer(loadEngine),
      gallery: new EngineGallery(),
    });
    const empty = !(await services.tenancy.hasProviders());
    const seeded = empty && config.seedDemo ? await seedDemo(services, { dataDir: config.dataDir }) : undefined;
    // On later starts the banner still names the demo, as long as this database has it.
    const existing = seeded ? undefined : await services.tenancy.demoMerchant();
    const demo: DemoSeed | undefined =
      seeded ?? (existing && { providerId: '', merchantId: existing.id, storeIds: [], logins: DEMO_LOGINS });
    await webAppsBuilt;
    const readiness = new Readiness();
    // Migrations ran above: the server never listens on an old schema.
    readiness.mark('migrations', 'ok');
    readiness.mark('faceEngine', 'pending');
    const app = (running.app = await buildApp({ config, database, services, webAppsDir, readiness }));
    app.log.info({ database: database.location, kind: database.kind, migrations: migration.applied }, 'database ready');
    if (masterKey.generated)
      app.log.warn(
        { file: masterKey.file },
        'no SHUALIAN_MASTER_KEY: generated a key file for this data folder; set the variable in production',
      );
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);

    // Face models load after the server answers; face routes wait for them, everything else does not.
    const galleriesLoading = services.faceData.loadGalleries();
    readiness.track('faceEngine', galleriesLoading);
    // The demo member is enrolled through the face engine, so after it; a kiosk waits for this like for the engine.
    const demoMemberReady = demo ? galleriesLoading.then(() => ensureDemoMember(services)) : Promise.resolve(undefined);
    if (demo) readiness.track('demoMember', demoMemberReady);
    const galleriesReady = Promise.all([
      galleriesLoading.then(
        (members) => app.log.info({ members }, 'face engine loaded, galleries rebuilt from the database'),
        (err: unknown) => app.log.error({ err }, 'face engine or galleries failed to load'),
      ),
      demoMemberReady.then(
        (memberId) => memberId && app.log.info({ memberId }, 'demo member 演示会员 enrolled, with money and 免密'),
        (err: unknown) => app.log.error({ err }, 'demo member could not be enrolled'),
      ),
    ]);
    // Events to their subscribers after commit; the sweeps and other jobs, once across every server process. They
    // start beside the face engine rather than before the banner; /readyz waits for them too.
    const background = startBackgroundWork(database, services, app.log);
    readiness.track('backgroundWork', background);
    background.catch((err: unknown) => app.log.error({ err }, 'events and jobs could not start'));

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await background.then(
          (work) => work.stop(),
          () => undefined,
        );
        await galleriesReady;
        await app.close();
        await engine?.close();
        await database.close();
      })());
    return { app, database, services, url, demo, stop };
  } catch (error) {
    await webAppsBuilt.catch(() => undefined);
    await database.close();
    throw error;
  }
}

export function banner(server: RunningServer): string {
  const url = server.url;
  const lines = [
    '',
    `  Shualian is running at ${url}`,
    `    Kiosk         ${url}/kiosk/            checkout terminal: activate it with a code from the console`,
    `    Entrance      ${url}/entrance/         entrance camera by the door: activate it like the kiosk`,
    `    Member app    ${url}/member/?m=yabo    the demo merchant's member app (?m= is a merchant's code)`,
    `    Console       ${url}/console/          merchant staff`,
    `    API docs      ${url}/docs              (OpenAPI: ${url}/openapi.json)`,
    `    Health        ${url}/healthz           process alive; ${url}/readyz once the face engine is loaded`,
    `    Database      ${server.database.kind} (${server.database.location})`,
  ];
  if (server.demo) {
    lines.push(
      '',
      `  Demo merchant 鸭脖小铺 (code yabo, merchant id ${server.demo.merchantId}); console logins, password "${DEMO_PASSWORD}":`,
    );
    for (const login of server.demo.logins)
      lines.push(`    ${login.username.padEnd(10)} ${login.role.padEnd(15)} ${login.scope}`);
    lines.push(
      '',
      `  Demo member ${DEMO_MEMBER.name}: phone ${DEMO_MEMBER.phone}, payment PIN ${DEMO_MEMBER.pin}, face enrolled from a sample`,
      `    photo, ${DEMO_MEMBER.openingBalanceFen / 100} yuan in the wallet, 免密 on. Try it: open the kiosk, activate it with a code from`,
      "    the console (Stores and devices → register a kiosk), add products, 刷脸付款: the kiosk's demo camera plays this member.",
      `    The member app: ${url}/member/?m=yabo, sign in with ${DEMO_MEMBER.phone} and the SMS code printed below.`,
    );
    if (server.demo.kiosk)
      lines.push(`    Demo kiosk ${server.demo.kiosk.deviceId}, credential in ${server.demo.kiosk.credentialFile}`);
    lines.push(
      '',
      '  SMS codes are not sent in the demo: each is printed here as a plain line "[sms outbox] to <phone>: …" and kept',
      '  in the sms_outbox table.',
    );
  }
  return lines.join('\n') + '\n';
}
