import { createApiClient, deviceSignature, unwrap, type DeviceCredential } from '@shualian/sdk';

/**
 * What the entrance camera reads and writes on the server; every call signed by the camera's own key. Nothing here
 * retries: the crop sender decides what a failure means (sending/send-outcome.ts), and each new attempt is signed
 * afresh.
 */
export function createEntranceApi(credential: DeviceCredential) {
  const client = createApiClient({ middleware: [deviceSignature(credential)] });
  return {
    credential,
    heartbeat: (appVersion: string) => unwrap(client.POST('/v1/device/heartbeat', { body: { appVersion } })),
    profile: () => unwrap(client.GET('/v1/device/profile')),
    /** The camera's role at the door and what its picker should send (staff set the role in the console). */
    config: () => unwrap(client.GET('/v1/entrance/config')),
    /** One frame's crops, taken at `atMs` (ms since the epoch, this device's clock). */
    submitCrops: (atMs: number, crops: string[]) =>
      unwrap(
        client.POST('/v1/entrance/crops', {
          body: { atMs, crops: crops.map((image) => ({ image })) },
          // The first crops of the day may wait for the server's face engine.
          timeoutMs: 20_000,
        }),
      ),
  };
}

export type EntranceApi = ReturnType<typeof createEntranceApi>;
