import type { DeviceCredential } from '@shualian/sdk';
import { DeviceActivation, type CredentialStore } from '@shualian/web-kit';
import { APP_VERSION } from '../version.ts';

/** First start (or after the camera was revoked): trade the one-time code from the console for a key on this device. */
export function ActivationScreen(props: {
  store: CredentialStore;
  revoked: boolean;
  onActivated: (credential: DeviceCredential) => void;
}) {
  return (
    <DeviceActivation
      appVersion={APP_VERSION}
      store={props.store}
      revoked={props.revoked}
      mainClass="entrance-main"
      submitClass="primary"
      onActivated={props.onActivated}
    />
  );
}
