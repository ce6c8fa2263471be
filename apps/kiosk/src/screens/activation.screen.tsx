import type { DeviceCredential } from '@shualian/sdk';
import { DeviceActivation } from '@shualian/web-kit';
import { APP_VERSION } from '../version.ts';

/** First start (or after the kiosk was revoked): trade the one-time code from the console for a key on this device. */
export function ActivationScreen(props: { revoked: boolean; onActivated: (credential: DeviceCredential) => void }) {
  return (
    <DeviceActivation
      appVersion={APP_VERSION}
      revoked={props.revoked}
      mainClass="kiosk-main activation"
      submitClass="primary big"
      onActivated={props.onActivated}
    />
  );
}
