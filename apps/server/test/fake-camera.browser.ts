/**
 * The browser suite's camera, bundled by browser.ts into a script installed into the page before it loads: the page's
 * getUserMedia answers with the lit-face renderer the demo kiosk uses (web-kit's litFaceCamera), so there is one
 * renderer. `window.__fakeCamera.show(scene)` switches scenes.
 */
import { litFaceCamera, type LitFaceScene } from '@shualian/web-kit/lit-face-camera';

declare global {
  interface Window {
    __installFakeCamera(scene: LitFaceScene): void;
    __fakeCamera?: { show(scene: LitFaceScene): Promise<void> };
  }
}

window.__installFakeCamera = (scene) => {
  const camera = litFaceCamera(scene);
  const devices = navigator.mediaDevices;
  devices.getUserMedia = async (constraints) => {
    if (!constraints || !constraints.video) throw new DOMException('only a camera is faked', 'NotFoundError');
    return camera.stream();
  };
  devices.enumerateDevices = async () => [
    {
      kind: 'videoinput',
      deviceId: 'shualian-test-camera',
      groupId: 'test',
      label: 'Shualian test camera',
      toJSON: () => ({}),
    },
  ];
  window.__fakeCamera = { show: camera.show };
};
