export { MemberRepository } from './member.repository.ts';
export { TopUpResultSchema, WalletSchema, memberRoutes } from './member.routes.ts';
export { MemberService } from './member.service.ts';
export { OtpService } from './otp.service.ts';
export { maskPhone, normalisePhone, phoneSuffix } from './phone.ts';
export { DeveloperOutboxSender, type SmsSender } from './sms-sender.ts';
