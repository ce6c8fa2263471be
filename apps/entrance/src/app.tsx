import type { DeviceCredential } from '@shualian/sdk';
import { credentialStoreFor, LanguageSwitch, useI18n } from '@shualian/web-kit';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { cameraSlot } from './camera-slot.ts';
import { ActivationScreen } from './screens/activation.screen.tsx';
import { DoorScreen } from './screens/door.screen.tsx';

/** Activation, then the camera at work with its status for staff; back to activation when the server revokes it. */
export function EntranceApp() {
  const { t } = useI18n();
  const slot = useMemo(() => cameraSlot(location.search), []);
  const store = useMemo(() => credentialStoreFor(slot.credentialKey), [slot]);
  const [credential, setCredential] = useState<DeviceCredential | null | undefined>(undefined);
  const [revoked, setRevoked] = useState(false);

  useEffect(() => {
    store.load().then(
      (c) => setCredential(c ?? null),
      () => setCredential(null),
    );
  }, [store]);

  const forget = useCallback(
    async (wasRevoked: boolean) => {
      await store.clear().catch(() => undefined);
      setRevoked(wasRevoked);
      setCredential(null);
    },
    [store],
  );

  return (
    <div class="entrance">
      <header class="entrance-header">
        <span class="entrance-brand">{t('app.title')}</span>
        {credential && <span class="entrance-device">{t('app.device', { name: credential.name })}</span>}
        <LanguageSwitch />
      </header>
      {credential === undefined ? (
        <main class="entrance-main">
          <p>{t('app.loading')}</p>
        </main>
      ) : credential === null ? (
        <ActivationScreen
          store={store}
          revoked={revoked}
          onActivated={(c) => {
            setRevoked(false);
            setCredential(c);
          }}
        />
      ) : (
        <DoorScreen
          key={credential.deviceId}
          credential={credential}
          videoInputKey={slot.videoInputKey}
          onLostTrust={() => void forget(true)}
          onForget={() => void forget(false)}
        />
      )}
    </div>
  );
}
