/**
 * Every action the audit log records. The console shows each in words (its messages carry a label per action, checked
 * by apps/console/src/messages.spec.ts), so a new action must be added here, and the type makes sure it is.
 */
export const AUDIT_ACTIONS = [
  'biometric.consent_granted',
  'biometric.consent_withdrawn',
  'biometric.deleted',
  'biometric.enrolled',
  'biometric.re_enrolled',
  'biometric.enrollment_refused_duplicate',
  'biometric.enrollment_spoof_suspected',
  'device.registered',
  'device.activated',
  'device.revoked',
  'face.identified',
  'liveness.capture_started',
  'liveness.capture_ended',
  'liveness.capture_deleted',
  'face_pay.step_up',
  'face_pay.refused',
  'face_pay.spoof_suspected',
  'face_pay.locked',
  'member.payment_limits_updated',
  'merchant.created',
  'merchant.settings_updated',
  'payment.created',
  'payment.refunded',
  'product.created',
  'product.updated',
  'product.deactivated',
  'product.reactivated',
  'staff.created',
  'staff.updated',
  'staff.disabled',
  'staff.enabled',
  'staff.password_reset',
  'staff.locked_out',
  'store.created',
  'store.updated',
  'wallet.topped_up',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
