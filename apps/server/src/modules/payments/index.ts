// The payments module: 免密/PIN agreements, payments and refunds, receipts, settlement.
// Other modules import only from here (lint: shualian/module-door).
import * as paymentDiscounts from './migrations/0014-payment-discounts.ts';
export { businessDateOf, businessDayRange, CHINA_UTC_OFFSET_MINUTES } from './business-day.ts';
export { paymentAgreementRoutes } from './payment-agreement.routes.ts';
export { PIN_RULES, PaymentAgreementService, type PaymentTerms } from './payment-agreement.service.ts';
export { paymentRoutes } from './payment.routes.ts';
export { PaymentService, type LineItem, type PaymentResult, type Verification } from './payment.service.ts';
export { receiptRoutes } from './receipt.routes.ts';
export { ReceiptService } from './receipt.service.ts';
export { PAYMENT_EVENT_TYPES, paymentCompleted, refundCompleted, type PaidLine } from './payment.events.ts';
export type { ChargeInput } from './payment.service.ts';
export type { PaymentDiscount } from './payment.schema.ts';

/** The payments module's migrations (see schema-migrations.ts). */
export const migrations = { '0014-payment-discounts': paymentDiscounts };
