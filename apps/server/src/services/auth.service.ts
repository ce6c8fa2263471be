import { hash, verify } from '@node-rs/argon2';
import type { StaffUser } from '@shualian/db';
import type { StaffActor } from '../domain/actors.ts';
import { unauthenticated } from '../domain/errors.ts';
import type { StaffRepository } from '../repositories/staff.repository.ts';
import { hashSecret, newToken } from './secrets.ts';

export interface StaffSession {
  token: string;
  expiresAt: Date;
  staff: StaffActor & { username: string; displayName: string };
}

// A real hash to verify against when the username is unknown, so a miss costs as long as a wrong password.
const UNKNOWN_USER_HASH = hash('shualian-unknown-user');

export class AuthService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly sessionTtlMinutes: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  async login(username: string, password: string): Promise<StaffSession> {
    const user = await this.staff.findByUsername(username.trim().toLowerCase());
    const passwordOk = await verify(user?.password_hash ?? (await UNKNOWN_USER_HASH), password);
    if (!user || !passwordOk || user.disabled_at) {
      throw unauthenticated('invalid_credentials', 'username or password is wrong');
    }
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
