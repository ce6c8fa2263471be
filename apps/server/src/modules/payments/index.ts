export { PIN_RULES, PaymentAgreementService } from './payment-agreement.service.ts';
export { paymentRoutes } from './payment.routes.ts';
export { PaymentService, type LineItem, type PaymentResult, type Verification } from './payment.service.ts';
export { ReceiptService } from './receipt.service.ts';
