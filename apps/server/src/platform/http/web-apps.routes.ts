import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { build } from 'esbuild';
import type { App } from './app.types.ts';

/**
 * The browser apps the server hands out: each is a workspace package (`apps/<name>`) with a `src/main.tsx`. They
 * are bundled with esbuild when the server starts (well under a second), so a fresh clone needs no separate build step,
 * and each gets the same page around its bundle, with its own title.
 */
export const WEB_APPS = ['kiosk', 'entrance', 'member', 'console'] as const;
export type WebAppName = (typeof WEB_APPS)[number];

const TITLES: Record<WebAppName, string> = {
  kiosk: '刷脸收银 · Shualian kiosk',
  entrance: '门口摄像头 · Shualian entrance camera',
  member: '刷脸会员 · Shualian member',
  console: '商户后台 · Shualian console',
};

export const indexPage = (name: WebAppName) => `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${TITLES[name]}</title>
    <link rel="stylesheet" href="./main.css" />
    <script type="module" src="./main.js"></script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`;

const require = createRequire(import.meta.url);
const appDir = (name: WebAppName) => dirname(require.resolve(`@shualian/${name}/package.json`));

export async function buildWebApps(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  // esbuild works in its own process: the bundles build side by side, off the server's thread.
  await Promise.all(
    WEB_APPS.map(async (name) => {
      const source = appDir(name);
      const target = join(outDir, name);
      await mkdir(target, { recursive: true });
      await build({
        entryPoints: { main: join(source, 'src', 'main.tsx') },
        outdir: target,
        bundle: true,
        format: 'esm',
        target: 'es2022',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        minify: options.minify ?? true,
        sourcemap: 'linked',
        logLevel: 'silent',
        loader: { '.png': 'file', '.jpg': 'file', '.svg': 'file', '.woff2': 'file' },
      });
      await writeFile(join(target, 'index.html'), indexPage(name));
    }),
  );
}

const faceApiModels = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
// The WebAssembly kernels of the TensorFlow.js that face-api bundles (both 4.22); the kiosk's face check and the
// entrance camera's crop picker run on them.
const tfjsWasm = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');

/**
 * Serves the built apps at /kiosk/, /entrance/, /member/, /console/, the on-device face models and kernels, and a
 * landing page at /.
 */
export function webAppRoutes(builtDir: string) {
  return async (app: App) => {
    for (const name of WEB_APPS) {
      await app.register(fastifyStatic, {
        root: join(builtDir, name),
        prefix: `/${name}/`,
        decorateReply: false,
        index: 'index.html',
      });
      app.get(`/${name}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${name}/`));
    }
    await app.register(fastifyStatic, {
      root: faceApiModels,
      prefix: '/web-models/face-api/',
      decorateReply: false,
      maxAge: '7d',
    });
    await app.register(fastifyStatic, {
      root: tfjsWasm,
      prefix: '/web-models/tfjs-wasm/',
      decorateReply: false,
      maxAge: '7d',
      allowedPath: (path) => path.endsWith('.wasm'),
    });
    app.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) => reply.status(204).send());
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(LANDING_PAGE),
    );
  };
}

const LANDING_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>刷脸 Shualian</title>
<style>body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1c1c1e}
a{display:block;padding:1rem;margin:.75rem 0;border:1px solid #d5d7dc;border-radius:12px;color:#8c1d18;font-size:1.2rem;text-decoration:none}
a:focus-visible{outline:3px solid #0b57d0}</style></head>
<body><h1>刷脸 Shualian</h1>
<a href="/kiosk/">收银机 Kiosk — 刷脸付款 checkout</a>
<a href="/entrance/">门口摄像头 Entrance camera — 到店客流</a>
<a href="/member/?m=yabo">会员 Member app — 注册、授权、录脸、钱包</a>
<a href="/console/">商户后台 Merchant console</a>
<a href="/docs">API 文档 API docs</a>
</body></html>`;
