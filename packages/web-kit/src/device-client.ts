import { generateDeviceKeyPair } from '@shualian/device-signing';
import { createApiClient, unwrap, type DeviceCredential } from '@shualian/sdk';

const DB_NAME = 'shualian-device';
const STORE = 'credential';

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function transact<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openStore();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/**
 * A store device's identity in the browser. The private key is made here at activation, non-extractable, and kept as
 * a CryptoKey in IndexedDB: script on the page can sign with it but nothing can read it out. Each `slot` holds one
 * device's credential, so several devices can live in one browser (two entrance cameras on one mini-PC, each page
 * its own slot); the kiosk keeps the default one.
 */
export interface CredentialStore {
  load(): Promise<DeviceCredential | undefined>;
  save(credential: DeviceCredential): Promise<unknown>;
  clear(): Promise<unknown>;
}

export function credentialStoreFor(slot = 'current'): CredentialStore {
  return {
    load: () =>
      transact<DeviceCredential | undefined>(
        'readonly',
        (s) => s.get(slot) as IDBRequest<DeviceCredential | undefined>,
      ),
    save: (credential) => transact('readwrite', (s) => s.put(credential, slot)),
    clear: () => transact('readwrite', (s) => s.delete(slot)),
  };
}

export const credentialStore = credentialStoreFor();

/** Trades a one-time activation code (from the console) for trust in a key pair made on this device. */
export async function activateDevice(
  activationCode: string,
  appVersion: string,
  store: CredentialStore = credentialStore,
): Promise<DeviceCredential> {
  const keys = await generateDeviceKeyPair({ extractable: false });
  const device = await unwrap(
    createApiClient().POST('/v1/devices/activate', {
      body: { activationCode: activationCode.trim(), publicKey: keys.publicKey, appVersion },
    }),
  );
  const credential: DeviceCredential = {
    deviceId: device.deviceId,
    merchantId: device.merchantId,
    storeId: device.storeId,
    name: device.name,
    privateKey: keys.privateKey,
  };
  await store.save(credential);
  return credential;
}
