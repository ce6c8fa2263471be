// The devices module: registration, activation, signing keys and nonces, heartbeats, the device profile.
// Other modules import only from here (lint: shualian/module-door).
export { deviceRoutes } from './device.routes.ts';
export { DeviceService } from './device.service.ts';
