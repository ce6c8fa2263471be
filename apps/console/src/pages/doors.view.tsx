import { useState } from 'preact/hooks';
import { formatDateTime, useI18n, useLoad } from '@shualian/web-kit';
import type { Door, Store } from '@shualian/sdk';
import { useSession } from '../session.context.tsx';
import { Loadable, Problem, StatusBadge } from '../ui/page.view.tsx';

/**
 * A store's member-only doors on the stores page: register a door (its relay's URL; the answer's public key goes into
 * the relay), disable or enable it, choose the door each entrance camera watches, and the latest openings and refusals.
 */
export function StoreDoors(props: { store: Store; cameras: Array<{ id: string; name: string }> }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const { api, merchant } = session;
  const canManage = session.can('device.manage');
  const doors = useLoad(() => api.doors(merchant.id, props.store.id), [api, merchant.id, props.store.id]);
  const events = useLoad(() => api.doorEvents(merchant.id, props.store.id), [api, merchant.id, props.store.id]);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [relayUrl, setRelayUrl] = useState('');
  const cameraName = (id: string) => props.cameras.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  const doorName = (id: string) => doors.data?.find((d) => d.doorId === id)?.name ?? '—';

  async function act(work: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      setStatus(await work());
      doors.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const register = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const door = await api.registerDoor(merchant.id, props.store.id, {
        name: name.trim(),
        relayUrl: relayUrl.trim(),
      });
      setName('');
      setRelayUrl('');
      return t('doors.registered', { name: door.name });
    });
  };
  const toggle = (door: Door) =>
    act(async () => {
      const updated = await api.updateDoor(merchant.id, door.doorId, { enabled: !door.enabled });
      return `${updated.name}: ${t(updated.enabled ? 'doors.enabled' : 'doors.disabled')}`;
    });
  const bind = (camera: { id: string; name: string }, doorId: string) =>
    act(async () => {
      await api.setCameraDoor(merchant.id, camera.id, doorId === '' ? null : doorId);
      return t('doors.bound', { name: camera.name });
    });
  const watched = (cameraId: string) => doors.data?.find((d) => d.cameraIds.includes(cameraId))?.doorId ?? '';

  return (
    <div class="store-doors" data-testid={`doors-${props.store.id}`}>
      <h3>{t('doors.title')}</h3>
      <p class="muted">{t('doors.intro')}</p>
      <Loadable
        loading={doors.loading}
        error={doors.error}
        hasData={doors.data !== undefined}
        empty={(doors.data ?? []).length === 0}
        emptyText={t('doors.none')}
      >
        <table>
          <caption class="visually-hidden">{t('doors.caption', { store: props.store.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('doors.name')}</th>
              <th scope="col">{t('doors.relayUrl')}</th>
              <th scope="col">{t('doors.publicKey')}</th>
              <th scope="col">{t('doors.cameras')}</th>
              <th scope="col">{t('doors.status')}</th>
              {canManage && <th scope="col">{t('table.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {(doors.data ?? []).map((door) => (
              <tr key={door.doorId} data-door-name={door.name}>
                <th scope="row">{door.name}</th>
                <td>{door.relayUrl}</td>
                <td>
                  <code class="door-key">{door.publicKey}</code>
                </td>
                <td>{door.cameraIds.length ? door.cameraIds.map(cameraName).join('、') : t('doors.noCamera')}</td>
                <td>
                  <StatusBadge tone={door.enabled ? 'ok' : 'off'}>
                    {t(door.enabled ? 'doors.enabled' : 'doors.disabled')}
                  </StatusBadge>
                </td>
                {canManage && (
                  <td>
                    <button
                      type="button"
                      class={door.enabled ? 'danger' : undefined}
                      disabled={busy}
                      onClick={() => void toggle(door)}
                      aria-label={t(door.enabled ? 'doors.disableNamed' : 'doors.enableNamed', { name: door.name })}
                    >
                      {t(door.enabled ? 'doors.disable' : 'doors.enable')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Loadable>
      {canManage && (doors.data ?? []).length > 0 && (
        <ul class="plain-list">
          {props.cameras.map((camera) => (
            <li key={camera.id} class="field" data-camera-name={camera.name}>
              <label for={`door-of-${camera.id}`}>{t('doors.bindOf', { name: camera.name })}</label>
              <select
                id={`door-of-${camera.id}`}
                value={watched(camera.id)}
                disabled={busy}
                onChange={(e) => void bind(camera, e.currentTarget.value)}
              >
                <option value="">{t('doors.bindNone')}</option>
                {(doors.data ?? []).map((door) => (
                  <option key={door.doorId} value={door.doorId}>
                    {door.name}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form class="inline-form" onSubmit={register} noValidate>
          <div class="field">
            <label for={`door-name-${props.store.id}`}>{t('doors.name')}</label>
            <input
              id={`door-name-${props.store.id}`}
              value={name}
              maxLength={60}
              placeholder={t('doors.namePlaceholder')}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
          <div class="field field-wide">
            <label for={`door-url-${props.store.id}`}>{t('doors.relayUrl')}</label>
            <input
              id={`door-url-${props.store.id}`}
              type="url"
              value={relayUrl}
              maxLength={500}
              placeholder={t('doors.urlPlaceholder')}
              onInput={(e) => setRelayUrl(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="primary" disabled={busy || !name.trim() || !relayUrl.trim()}>
            {busy ? t('doors.registerBusy') : t('doors.register')}
          </button>
        </form>
      )}
      <Problem error={error} />
      <p role="status" class="muted">
        {status}
      </p>
      <h4>{t('doors.events')}</h4>
      <Loadable
        loading={events.loading}
        error={events.error}
        hasData={events.data !== undefined}
        empty={(events.data ?? []).length === 0}
        emptyText={t('doors.eventsNone')}
      >
        <table>
          <caption class="visually-hidden">{t('doors.eventsCaption', { store: props.store.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('doors.at')}</th>
              <th scope="col">{t('doors.door')}</th>
              <th scope="col">{t('doors.who')}</th>
              <th scope="col">{t('doors.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {(events.data ?? []).map((event) => (
              <tr key={event.eventId}>
                <td>{formatDateTime(event.at, lang)}</td>
                <td>{doorName(event.doorId)}</td>
                <td>{event.memberId ? t('doors.member') : t('doors.anonymousPerson')}</td>
                <td>
                  <StatusBadge
                    tone={event.outcome === 'opened' ? 'ok' : event.outcome === 'relay_failed' ? 'error' : 'off'}
                  >
                    {t(`doorOutcome.${event.outcome}`)}
                  </StatusBadge>
                  {event.reason ? ` ${t(`doorRefusal.${event.reason}`)}` : ''}
                  {event.relayError ? ` (${event.relayError})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Loadable>
    </div>
  );
}
