/** Reported to the server at activation and in every heartbeat. */
export const APP_VERSION = 'entrance-0.1.0';
