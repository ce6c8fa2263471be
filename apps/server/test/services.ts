import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import { createServices } from '../src/container.ts';
import { loadConfig } from '../src/platform/config.ts';
import { EngineGallery } from '../src/modules/biometrics/engine-adapter.ts';

/**
 * The server's services on a database as the container builds them, without an HTTP app or a face engine (asking for
 * one fails): for the processes that only move money (the payment crash spec and its child, the payments bench).
 */
export function servicesWithoutFaces(db: Kysely<Database>) {
  return createServices(
    db,
    { ...loadConfig({}), seedDemo: false },
    {
      recognizer: () => Promise.reject(new Error('no face engine in this process')),
      gallery: new EngineGallery(),
    },
  );
}
