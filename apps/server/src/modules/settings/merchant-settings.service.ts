import {
  GENUINE_SCORES,
  genuineShareAtMost,
  MODEL_ID,
  SCORE_CALIBRATION,
  scoreForChance,
  THRESHOLD_FIGURES,
  THRESHOLDS,
} from '@shualian/face-engine';
import type { StaffActor } from '../../platform/actors.ts';
import { invalid, notFound } from '../../platform/domain-errors.ts';
import { merchantSettings, updateSettings, type MerchantSettings } from './merchant-settings.ts';
import type { AuditService } from '../audit/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import type { MerchantSettingsRepository } from './merchant-settings.repository.ts';

/** The face engine's operating points and what they were measured to trade; read-only facts next to the settings. */
export interface EngineThresholdFacts {
  modelId: string;
  thresholds: { match: number; high: number; margin: number };
  measured: typeof THRESHOLD_FIGURES;
}

/** How this server runs devices; the console needs them to show an activation code's expiry and online/offline. */
export interface DevicePolicyFacts {
  activationCodeTtlHours: number;
  deviceOfflineAfterSeconds: number;
}

/**
 * What the pay-alone target costs at this merchant's gallery size: the score a face needs to pay without the phone
 * digits, and at most how many members' own attempts reach it (measured on lfw-dev); the rest step up.
 */
export interface OpenSetFacts {
  calibration: { measuredOn: string; source: string; per: 'template' | 'member' };
  gallery: { templates: number; members: number };
  targets: Array<{ oneIn: number; current: boolean; payScore: number; membersPayAloneAtMost: number }>;
  genuineSource: string;
}

/** Targets shown beside the merchant's own, to read the trade-off from. */
const SHOWN_TARGETS = [10_000, 100_000, 1_000_000, 10_000_000];

export interface MerchantSettingsView {
  merchantId: string;
  settings: MerchantSettings;
  engine: EngineThresholdFacts;
  openSet: OpenSetFacts;
  devices: DevicePolicyFacts;
}

const ENGINE_FACTS: EngineThresholdFacts = {
  modelId: MODEL_ID,
  thresholds: { ...THRESHOLDS },
  measured: THRESHOLD_FIGURES,
};

/**
 * Face-pay and biometric-data settings of a merchant: store staff may read them, merchant admins change them, and
 * every other module reads them here (`of`).
 */
export class MerchantSettingsService {
  constructor(
    private readonly stored: MerchantSettingsRepository,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
    private readonly devicePolicy: DevicePolicyFacts,
    private readonly galleryOf: (merchantId: string) => { templates: number; members: number },
  ) {}

  /** The merchant's settings in force (defaults where it set nothing); `trx` to read inside the caller's transaction. */
  async of(merchantId: string, trx?: Db): Promise<MerchantSettings> {
    const row = await (trx ? this.stored.with(trx) : this.stored).stored(merchantId);
    return merchantSettings(row?.settings);
  }

  async get(actor: StaffActor, merchantId: string): Promise<MerchantSettingsView> {
    const merchant = await this.tenancy.merchantFor(actor, merchantId, 'merchant.read');
    return this.view(merchantId, merchantSettings(merchant.settings));
  }

  /**
   * Applies a partial change after `updateSettings` accepts every key; the merchant row is locked so two admins saving
   * different settings at once both keep their change. Only what changed is stored and audited.
   */
  async update(actor: StaffActor, merchantId: string, patch: Record<string, unknown>): Promise<MerchantSettingsView> {
    await this.tenancy.merchantFor(actor, merchantId, 'settings.manage');
    if (Object.keys(patch).length === 0) throw invalid('settings_empty', 'name at least one setting to change');
    return this.transactions.run(async (trx) => {
      const merchant = await this.stored.with(trx).lock(merchantId);
      if (!merchant) throw notFound('merchant_not_found', 'no such merchant');
      const current = merchantSettings(merchant.settings);
      const next = updateSettings(current, patch);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(patch) as (keyof MerchantSettings)[]) {
        if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
      }
      if (Object.keys(changes).length > 0) {
        const stored = { ...(merchant.settings as Record<string, unknown> | null), ...patch };
        await this.stored.with(trx).store(merchantId, stored);
        await this.audit.record(
          {
            merchantId,
            actorType: 'staff',
            actorId: actor.staffId,
            action: 'merchant.settings_updated',
            targetType: 'merchant',
            targetId: merchantId,
            details: { changes },
          },
          trx,
        );
      }
      return this.view(merchantId, next);
    });
  }

  private view(merchantId: string, settings: MerchantSettings): MerchantSettingsView {
    const gallery = this.galleryOf(merchantId);
    const entries = SCORE_CALIBRATION.per === 'member' ? gallery.members : gallery.templates;
    const targets = [...new Set([...SHOWN_TARGETS, settings.faceStrangerOneIn])]
      .sort((a, b) => a - b)
      .map((oneIn) => {
        const payScore = scoreForChance(SCORE_CALIBRATION, 1 / oneIn, entries);
        return {
          oneIn,
          current: oneIn === settings.faceStrangerOneIn,
          payScore,
          membersPayAloneAtMost: payScore > 1 ? 0 : genuineShareAtMost(GENUINE_SCORES.points, payScore),
        };
      });
    const { measuredOn, source, per } = SCORE_CALIBRATION;
    return {
      merchantId,
      settings,
      engine: ENGINE_FACTS,
      openSet: { calibration: { measuredOn, source, per }, gallery, targets, genuineSource: GENUINE_SCORES.source },
      devices: { ...this.devicePolicy },
    };
  }
}
