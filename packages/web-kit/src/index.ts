export * from './camera.ts';
export * from './device-client.ts';
export * from './i18n.tsx';
export * from './lit-face-camera.ts';
export * from './money.ts';
export * from './ui.tsx';
