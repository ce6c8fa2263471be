export { type AuditAction } from './audit-actions.ts';
export { AuditRepository } from './audit.repository.ts';
export { auditRoutes } from './audit.routes.ts';
export { AuditService } from './audit.service.ts';
export { changed } from './changes.ts';
