import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, formatFen, useI18n, useLoad } from '@shualian/web-kit';
import type { AuditEvent } from '@shualian/sdk';
import { hasMessage } from '../messages.ts';
import { useSession } from '../session.context.tsx';
import { Loadable, PageTitle, Problem } from '../ui/page.view.tsx';
import { SETTING_GROUPS } from './settings.page.tsx';

const PAGE_SIZES = [20, 50, 100, 200];
const FEN_SETTINGS = new Set<string>(
  SETTING_GROUPS.flatMap((g) => g.fields.filter((f) => f.kind === 'fen').map((f) => f.key)),
);

/** Who did what, newest first, a page at a time (the audit API pages by id; it has no other filter). */
export function AuditPage() {
  const { t } = useI18n();
  const { api, merchant, can } = useSession();
  const [limit, setLimit] = useState(50);
  // Devices by id, so rows name the till rather than an id; a failure here only leaves the ids showing.
  const devices = useLoad(
    () => (can('device.read') ? api.devices(merchant.id).catch(() => []) : Promise.resolve([])),
    [api, merchant.id],
  );
  const deviceNames = new Map((devices.data ?? []).map((d) => [d.id, d.name]));
  const [events, setEvents] = useState<AuditEvent[] | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [exhausted, setExhausted] = useState(false);
  const [generation, setGeneration] = useState(0);

  async function loadPage(beforeId: number | undefined, replace: boolean) {
    setLoading(true);
    setError(null);
    try {
      const page = await api.auditEvents(merchant.id, { limit, beforeId });
      setEvents((current) => (replace ? page : [...(current ?? []), ...page]));
      setExhausted(page.length < limit);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void loadPage(undefined, true);
  }, [api, merchant.id, limit, generation]);

  const last = events?.[events.length - 1];
  return (
    <>
      <PageTitle title={t('page.audit')} />
      <section class="card" aria-labelledby="audit-controls-title">
        <h2 id="audit-controls-title">{t('audit.controls')}</h2>
        <div class="inline-form">
          <div class="field">
            <label for="audit-limit">{t('audit.pageSize')}</label>
            <select id="audit-limit" value={String(limit)} onChange={(e) => setLimit(Number(e.currentTarget.value))}>
              {PAGE_SIZES.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => setGeneration((n) => n + 1)}>
            {t('action.refresh')}
          </button>
        </div>
      </section>
      <section class="card" aria-labelledby="audit-list-title">
        <h2 id="audit-list-title">{t('audit.listTitle')}</h2>
        <Loadable
          loading={loading}
          error={events === undefined ? error : null}
          hasData={events !== undefined}
          empty={events?.length === 0}
          emptyText={t('audit.none')}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {(events ?? []).map((event) => (
                <AuditRow key={event.id} event={event} deviceNames={deviceNames} />
              ))}
            </tbody>
          </table>
        </Loadable>
        {events !== undefined && error !== null && <Problem error={error} />}
        {events && events.length > 0 && !exhausted && (
          <button type="button" disabled={loading} onClick={() => last && void loadPage(last.id, false)}>
            {loading ? t('state.loading') : t('audit.older')}
          </button>
        )}
        {events && events.length > 0 && exhausted && <p class="muted">{t('audit.end')}</p>}
      </section>
    </>
  );
}

function AuditRow(props: { event: AuditEvent; deviceNames: Map<string, string> }) {
  const { t, lang } = useI18n();
  const { staff, storeName, merchant } = useSession();
  const e = props.event;
  const actionKey = `auditAction.${e.action}`;
  const named = (type: string, id: string | null) =>
    (type === 'device' && id && props.deviceNames.get(id)) ||
    (type === 'merchant' && id === merchant.id && merchant.name) ||
    id?.slice(0, 8) ||
    '';
  const actor =
    e.actorType === 'staff' && e.actorId === staff.staffId
      ? t('audit.you')
      : `${t(`actorType.${e.actorType}`)} ${named(e.actorType, e.actorId)}`;
  return (
    <tr data-action={e.action}>
      <th scope="row">{formatDateTime(e.at, lang)}</th>
      <td>{hasMessage(actionKey) ? t(actionKey) : e.action}</td>
      <td>{actor}</td>
      <td>
        {e.targetType
          ? `${hasMessage(`targetType.${e.targetType}`) ? t(`targetType.${e.targetType}`) : e.targetType} ${named(e.targetType, e.targetId)}`
          : '—'}
      </td>
      <td>
        <Details details={e.details} storeName={storeName} />
      </td>
    </tr>
  );
}

/** A setting change reads as "单笔支付上限: ¥5000.00 → ¥800.00"; other details as name: value. */
function Details(props: { details: Record<string, unknown>; storeName(id: string): string }) {
  const { t } = useI18n();
  const changes = props.details.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  const show = (key: string, value: unknown) =>
    typeof value === 'boolean'
      ? t(value ? 'audit.on' : 'audit.off')
      : typeof value === 'number' && FEN_SETTINGS.has(key)
        ? formatFen(value)
        : String(value);
  if (changes && typeof changes === 'object') {
    return (
      <ul class="plain-list">
        {Object.entries(changes).map(([key, change]) => (
          <li key={key}>
            {hasMessage(`setting.${key}`) ? t(`setting.${key}`) : key}: {show(key, change.from)} →{' '}
            {show(key, change.to)}
          </li>
        ))}
      </ul>
    );
  }
  const entries = Object.entries(props.details).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 0) return <>—</>;
  return (
    <ul class="plain-list">
      {entries.map(([key, value]) => (
        <li key={key}>
          {hasMessage(`detail.${key}`) ? t(`detail.${key}`) : key}:{' '}
          {key === 'storeId'
            ? props.storeName(String(value))
            : key === 'kind' && hasMessage(`deviceKind.${String(value)}`)
              ? t(`deviceKind.${String(value)}`)
              : typeof value === 'number' && key.endsWith('Fen')
                ? formatFen(value)
                : typeof value === 'boolean'
                  ? t(value ? 'audit.yes' : 'audit.no')
                  : typeof value === 'object'
                    ? JSON.stringify(value)
                    : String(value)}
        </li>
      ))}
    </ul>
  );
}
