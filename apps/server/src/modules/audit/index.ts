// The audit module: the log every module records into (inside its own transaction), its route, the words for actions.
// Other modules import only from here (lint: shualian/module-door).
export { type AuditAction } from './audit-actions.ts';
export { auditRoutes } from './audit.routes.ts';
export { AuditService, type AuditEntry, type MerchantAccess } from './audit.service.ts';
export { changed } from './field-changes.ts';
