// The members module: sign-up by SMS code, member sessions and profiles, how phone numbers and names are shown.
// Other modules import only from here (lint: shualian/module-door).
import * as memberBirthdays from './migrations/0015-member-birthdays.ts';
export { birthdaysCelebratedOn, isLeapYear, type Birthday } from './birthday.ts';
export { maskName } from './display-name.ts';
export { memberRoutes } from './member.routes.ts';
export { MemberService } from './member.service.ts';
export {
  MemberListService,
  type ConsentingMembers,
  type EnrolledMembers,
  type MemberListEntry,
} from './member-list.service.ts';
export { OtpService } from './otp.service.ts';
export { maskPhone, normalisePhone, phoneSuffix } from './phone.ts';
export { DeveloperOutboxSender, type SmsSender } from './sms-sender.ts';
export { MEMBER_EVENT_TYPES, memberAggregate, memberRegistered } from './member.events.ts';

/** The members module's migrations (see schema-migrations.ts). */
export const migrations = { '0015-member-birthdays': memberBirthdays };
