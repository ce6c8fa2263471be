import { randomUUID } from 'node:crypto';
import type { LivenessCapture, LivenessCaptureAttempt, LivenessCaptureLabel } from '@shualian/db';
import type { DeviceActor, StaffActor } from '../../../platform/actors.ts';
import { CHALLENGE_RULES, challengeAsShown, createColourChallenge, type ColourChallenge } from './colour-challenge.ts';
import { CALIBRATION_CONSENT_VERSION, calibrationConsentText } from './calibration-consent.ts';
import { conflict, DomainError, forbidden, invalid, notFound } from '../../../platform/domain-errors.ts';
import type { MerchantSettingsService } from '../../settings/index.ts';
import type { AuditService } from '../../audit/index.ts';
import type { DeviceService } from '../../devices/index.ts';
import type { LivenessCaptureRepository } from './liveness-capture.repository.ts';
import type { Transactions } from '../../../platform/db/transactions.ts';
import type { TenancyService } from '../../tenancy/index.ts';
import { checkImages } from '../image-gate.ts';
import { assessLiveness, type CapturedFrame } from './liveness-assessment.ts';
import type { FrameAnalysis, Recognizer } from '../face.ports.ts';

export const CAPTURE_RULES = { attemptTtlSeconds: 90, maxFrames: 16, listed: 50 } as const;

export const ATTACK_LABELS: readonly LivenessCaptureLabel[] = ['print', 'screen', 'mask', 'other_attack'];

/** What one attempt measured: every number the live checks decide on, nothing that identifies anyone. */
export interface AttemptVerdict {
  passed: boolean;
  colour: {
    passed: boolean;
    reason: string | null;
    stepsConfirmed: number;
    stepsSeen: number;
    chanceInStep: number;
    correlation: number;
  };
  passiveLiveFrames: number;
  antispoof: number[];
  liveness: number[];
  clearFrames: number;
}

export interface CaptureView {
  captureId: string;
  deviceId: string;
  label: LivenessCaptureLabel;
  note: string | null;
  startedBy: string;
  consentVersion: string;
  startedAt: string;
  endedAt: string | null;
  attempts: number;
  passed: number;
}

export interface LabelReport {
  label: LivenessCaptureLabel;
  attempts: number;
  passed: number;
  /** live: the share refused (genuine shoppers turned away); attacks: the share that passed */
  errorRate: number | null;
  /** log10 of the flash check's chance figure over the attempts: lower is stronger evidence of a live face */
  log10ChanceInStep: { min: number; median: number; max: number } | null;
  antispoofMedian: number | null;
}

export interface CaptureReport {
  captures: CaptureView[];
  labels: LabelReport[];
  /** what the live checks decide on as configured, so a technician can read the report against it */
  configured: { maxChanceInStep: number; passiveVetoOnlyWhenNoFrameLooksLive: true };
  consent: { version: string; text: { zh: string; en: string } };
}

const view = (capture: LivenessCapture, tally?: { attempts: number; passed: number }): CaptureView => ({
  captureId: capture.id,
  deviceId: capture.device_id,
  label: capture.label,
  note: capture.note,
  startedBy: capture.started_by,
  consentVersion: capture.consent_version,
  startedAt: new Date(capture.started_at).toISOString(),
  endedAt: capture.ended_at ? new Date(capture.ended_at).toISOString() : null,
  attempts: tally?.attempts ?? 0,
  passed: tally?.passed ?? 0,
});

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

/**
 * Liveness calibration at a real kiosk: a technician opens a capture for a kiosk with a label (a live face, or a
 * printed photo, a screen, a mask), the kiosk runs the same flash session as a payment and the same live checks, and
 * the report shows how often each kind passed. Nobody is identified and no frame is kept: only the checks' numbers.
 */
export class LivenessCaptureService {
  constructor(
    private readonly captures: LivenessCaptureRepository,
    private readonly transactions: Transactions,
    private readonly recognizer: () => Promise<Recognizer>,
    private readonly tenancy: TenancyService,
    private readonly devices: DeviceService,
    private readonly settings: MerchantSettingsService,
    private readonly auditLog: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(
    actor: StaffActor,
    merchantId: string,
    input: { deviceId: string; label: LivenessCaptureLabel; note?: string; consentVersion: string },
  ): Promise<CaptureView> {
    await this.tenancy.merchantFor(actor, merchantId, 'liveness.calibrate');
    if (input.consentVersion !== CALIBRATION_CONSENT_VERSION) {
      throw invalid('consent_version_mismatch', 'agree to the current calibration text first', {
        currentVersion: CALIBRATION_CONSENT_VERSION,
      });
    }
    const device = await this.devices.find(merchantId, input.deviceId);
    if (!device) throw notFound('device_not_found', 'no such device');
    if (device.kind !== 'kiosk') throw invalid('device_not_kiosk', 'calibration runs at a checkout kiosk');
    try {
      return await this.transactions.run(async (trx) => {
        const capture = await this.captures.with(trx).start({
          merchantId,
          id: randomUUID(),
          deviceId: device.id,
          label: input.label,
          note: input.note?.trim() || null,
          startedBy: actor.staffId,
          consentVersion: input.consentVersion,
          now: this.now(),
        });
        await this.auditLog.recordStaffAction(
          actor,
          merchantId,
          'liveness.capture_started',
          { type: 'device', id: device.id },
          { captureId: capture.id, label: capture.label, consentVersion: capture.consent_version },
          trx,
        );
        return view(capture);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict('capture_already_open', 'this kiosk already has an open capture; end it first');
      }
      throw error;
    }
  }

  async end(actor: StaffActor, merchantId: string, captureId: string): Promise<CaptureView> {
    await this.tenancy.merchantFor(actor, merchantId, 'liveness.calibrate');
    return this.transactions.run(async (trx) => {
      const repository = this.captures.with(trx);
      const ended = await repository.end(merchantId, captureId, this.now());
      if (!ended) {
        if (!(await repository.get(merchantId, captureId))) throw notFound('capture_not_found', 'no such capture');
        throw conflict('capture_ended', 'this capture has already ended');
      }
      await this.auditLog.recordStaffAction(
        actor,
        merchantId,
        'liveness.capture_ended',
        { type: 'device', id: ended.device_id },
        { captureId },
        trx,
      );
      const [tally] = await repository.tallies(merchantId, [captureId]);
      return view(ended, tally);
    });
  }

  async remove(actor: StaffActor, merchantId: string, captureId: string): Promise<void> {
    await this.tenancy.merchantFor(actor, merchantId, 'liveness.calibrate');
    await this.transactions.run(async (trx) => {
      const repository = this.captures.with(trx);
      const capture = await repository.get(merchantId, captureId);
      if (!capture) throw notFound('capture_not_found', 'no such capture');
      await repository.delete(merchantId, captureId);
      await this.auditLog.recordStaffAction(
        actor,
        merchantId,
        'liveness.capture_deleted',
        { type: 'device', id: capture.device_id },
        { captureId, label: capture.label },
        trx,
      );
    });
  }

  async report(actor: StaffActor, merchantId: string): Promise<CaptureReport> {
    const merchant = await this.tenancy.merchantFor(actor, merchantId, 'liveness.calibrate');
    const repository = this.captures;
    const captures = await repository.list(merchantId, CAPTURE_RULES.listed);
    const tallies = new Map(
      (
        await repository.tallies(
          merchantId,
          captures.map((c) => c.id),
        )
      ).map((t) => [t.captureId, t]),
    );
    const attempts = await repository.assessed(merchantId);
    const labels: LabelReport[] = (['live', ...ATTACK_LABELS] as LivenessCaptureLabel[]).map((label) => {
      const own = attempts.filter((a) => a.label === label);
      const verdicts = own.map((a) => a.verdict as unknown as AttemptVerdict);
      const passed = own.filter((a) => a.passed).length;
      const chances = verdicts
        .map((v) => Math.log10(Math.max(v.colour.chanceInStep, 1e-12)))
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
      const antispoof = verdicts.flatMap((v) => v.antispoof).sort((a, b) => a - b);
      return {
        label,
        attempts: own.length,
        passed,
        errorRate:
          own.length === 0 ? null : label === 'live' ? (own.length - passed) / own.length : passed / own.length,
        log10ChanceInStep:
          chances.length === 0
            ? null
            : { min: chances[0]!, median: quantile(chances, 0.5), max: chances[chances.length - 1]! },
        antispoofMedian: antispoof.length === 0 ? null : quantile(antispoof, 0.5),
      };
    });
    return {
      captures: captures.map((c) => view(c, tallies.get(c.id))),
      labels,
      configured: { maxChanceInStep: CHALLENGE_RULES.maxChanceInStep, passiveVetoOnlyWhenNoFrameLooksLive: true },
      consent: { version: CALIBRATION_CONSENT_VERSION, text: calibrationConsentText(merchant.name) },
    };
  }

  /** The kiosk asks whether a technician opened a capture for it. */
  async current(device: DeviceActor): Promise<{ captureId: string; label: LivenessCaptureLabel } | null> {
    requireKiosk(device);
    const capture = await this.captures.openFor(device.merchantId, device.deviceId);
    return capture ? { captureId: capture.id, label: capture.label } : null;
  }

  /** One attempt of the open capture: a fresh colour challenge, exactly as a payment would get. */
  async startAttempt(
    device: DeviceActor,
  ): Promise<{ attemptId: string; expiresAt: string; challenge: ColourChallenge }> {
    requireKiosk(device);
    const capture = await this.captures.openFor(device.merchantId, device.deviceId);
    if (!capture) throw notFound('capture_not_open', 'no calibration capture is open for this kiosk');
    const challenge = createColourChallenge();
    const now = this.now();
    const attempt = await this.captures.newAttempt({
      merchantId: device.merchantId,
      id: randomUUID(),
      captureId: capture.id,
      challenge,
      now,
      expiresAt: new Date(now.getTime() + CAPTURE_RULES.attemptTtlSeconds * 1000),
    });
    return { attemptId: attempt.id, expiresAt: new Date(attempt.expires_at).toISOString(), challenge };
  }

  /** Runs the payment's live checks on the attempt's frames and keeps their numbers under the capture's label. */
  async submitFrames(
    device: DeviceActor,
    attemptId: string,
    frames: CapturedFrame[],
    shownAtMs?: number[],
  ): Promise<{ attemptId: string; label: LivenessCaptureLabel; verdict: AttemptVerdict }> {
    requireKiosk(device);
    if (frames.length < 1 || frames.length > CAPTURE_RULES.maxFrames) {
      throw invalid('frame_count_invalid', `send 1 to ${CAPTURE_RULES.maxFrames} frames`);
    }
    const repository = this.captures;
    const pending = await repository.getAttempt(device.merchantId, attemptId);
    const capture = pending && (await repository.get(device.merchantId, pending.capture_id));
    if (!pending || !capture || capture.device_id !== device.deviceId) {
      throw notFound('attempt_not_found', 'no such attempt');
    }
    await checkImages(
      frames.map((f) => f.image),
      (i) => `frames[${i}].image`,
    );
    const settings = await this.settings.of(device.merchantId);
    const usable = (attempt: LivenessCaptureAttempt) => {
      if (attempt.status !== 'awaiting_frames') throw conflict('attempt_used', 'this attempt has been assessed');
      if (new Date(attempt.expires_at).getTime() <= this.now().getTime()) {
        throw new DomainError('gone', 'attempt_expired', 'the attempt expired; start another');
      }
    };
    usable(pending);
    const scheduled = pending.challenge as unknown as ColourChallenge;
    const challenge = shownAtMs ? challengeAsShown(scheduled, shownAtMs) : scheduled;
    if (!challenge) throw invalid('flash_times_invalid', 'shownAtMs does not fit the challenge');
    // The engine's work runs outside the transaction (an embedded database has one connection); the row is locked
    // only to keep the first of two racing submissions.
    const recognizer = await this.recognizer();
    const assessment = await assessLiveness(recognizer, challenge, frames, {
      headTurnWhenFlashNotVisible: settings.headTurnWhenFlashNotVisible,
    });
    const scores = (pick: (a: FrameAnalysis) => number | null) =>
      assessment.analysed.flatMap((a) => {
        const score = pick(a.analysis);
        return score === null ? [] : [score];
      });
    const verdict: AttemptVerdict = {
      passed: assessment.live,
      colour: {
        passed: assessment.colour.passed,
        reason: assessment.colour.reason ?? null,
        stepsConfirmed: assessment.colour.stepsConfirmed,
        stepsSeen: assessment.colour.stepsSeen,
        chanceInStep: assessment.colour.chanceInStep,
        correlation: assessment.colour.correlation,
      },
      passiveLiveFrames: assessment.passiveLiveFrames,
      antispoof: scores((a) => a.antispoofScore),
      liveness: scores((a) => a.livenessScore),
      clearFrames: assessment.clear.length,
    };
    return this.transactions.run(async (trx) => {
      const locked = await this.captures.with(trx).getAttemptForUpdate(device.merchantId, attemptId);
      if (!locked) throw notFound('attempt_not_found', 'no such attempt');
      usable(locked);
      await this.captures.with(trx).assess(device.merchantId, attemptId, verdict.passed, verdict);
      return { attemptId, label: capture.label, verdict };
    });
  }
}

function requireKiosk(device: DeviceActor): void {
  if (device.kind !== 'kiosk') throw forbidden('forbidden', 'calibration captures run at checkout kiosks');
}
