import { hash, verify } from '@node-rs/argon2';
import type { StaffUser } from '@shualian/db';
import type { StaffActor } from '../../platform/actors.ts';
import { DomainError, unauthenticated } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { StaffRepository } from './staff.repository.ts';
import { hashSecret, newToken } from '../../platform/secrets.ts';

export interface StaffSession {
  token: string;
  expiresAt: Date;
  staff: StaffActor & { username: string; displayName: string };
}

export interface LockoutPolicy {
  /** Wrong passwords in a row that lock the account. */
  maxFailures: number;
  /** The first lock's length; each further one doubles. */
  lockSeconds: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockSeconds: 60 };

// A real hash to verify against when the username is unknown, so a miss costs as long as a wrong password.
const UNKNOWN_USER_HASH = hash('shualian-unknown-user');

export class AuthService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly sessionTtlMinutes: number,
    private readonly now: () => Date = () => new Date(),
    private readonly options: { lockout?: LockoutPolicy; audit?: AuditService } = {},
  ) {}

  private get lockout(): LockoutPolicy {
    return this.options.lockout ?? DEFAULT_LOCKOUT;
  }

  static hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  /**
   * Signs a staff member in. Every password check is first counted against the account (see
   * `StaffRepository.reserveLoginAttempt`), so a locked account is refused without checking, from any address.
   */
  async login(username: string, password: string, client: { ip?: string } = {}): Promise<StaffSession> {
    const user = await this.staff.findByUsername(username.trim().toLowerCase());
    const attempt = user && (await this.staff.reserveLoginAttempt(user.id, this.lockout, this.now()));
    if (user && !attempt)
      throw accountLocked((await this.staff.findByUsername(user.username))?.locked_until ?? null, this.now());
    const passwordOk = await verify(user?.password_hash ?? (await UNKNOWN_USER_HASH), password);
    if (!user || !passwordOk || user.disabled_at) {
      if (user && attempt?.lockedUntil) {
        if (user.merchant_id && this.options.audit) {
          await this.options.audit.record({
            merchantId: user.merchant_id,
            actorType: 'system',
            actorId: null,
            action: 'staff.locked_out',
            targetType: 'staff',
            targetId: user.id,
            details: {
              failures: attempt.failures,
              lockedUntil: attempt.lockedUntil.toISOString(),
              lockouts: attempt.lockouts,
              clientIp: client.ip ?? null,
            },
          });
        }
        throw accountLocked(attempt.lockedUntil, this.now());
      }
      throw unauthenticated('invalid_credentials', 'username or password is wrong');
    }
    await this.staff.clearLoginFailures(user.id);
    const token = newToken();
    const expiresAt = new Date(this.now().getTime() + this.sessionTtlMinutes * 60_000);
    await this.staff.createSession({ tokenHash: hashSecret(token), staffId: user.id, expiresAt });
    return { token, expiresAt, staff: { ...toActor(user), username: user.username, displayName: user.display_name } };
  }

  async authenticate(token: string): Promise<StaffActor & { username: string; displayName: string }> {
    const user = await this.staff.findBySession(hashSecret(token), this.now());
    if (!user) throw unauthenticated('session_invalid', 'the session is unknown, expired or signed out');
    return { ...toActor(user), username: user.username, displayName: user.display_name };
  }

  async logout(token: string): Promise<void> {
    await this.staff.deleteSession(hashSecret(token));
  }
}

function accountLocked(lockedUntil: Date | null, now: Date): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(((lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  return new DomainError(
    'rate_limited',
    'account_locked',
    `too many wrong passwords; this account is locked for ${retryAfterSeconds} s`,
    {
      retryAfterSeconds,
      lockedUntil: lockedUntil?.toISOString() ?? null,
    },
  );
}

function toActor(user: StaffUser): StaffActor {
  return {
    type: 'staff',
    staffId: user.id,
    role: user.role,
    providerId: user.provider_id,
    merchantId: user.merchant_id,
    storeId: user.store_id,
  };
}
