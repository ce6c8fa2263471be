import { useState } from 'preact/hooks';
import { formatDateTime, useI18n, useLoad } from '@shualian/web-kit';
import type { CameraRole, Device, DeviceKind, EntranceCamera, Store } from '@shualian/sdk';
import { CAMERA_ROLES, DEVICE_KINDS } from '../api.ts';
import { StoreDoors } from './doors.view.tsx';
import { useSession } from '../session.context.tsx';
import { Dialog, Loadable, PageTitle, Problem, StatusBadge } from '../ui/page.view.tsx';

/** Stores in reach, their devices with online/offline from heartbeats, registering and revoking devices. */
export function StoresPage() {
  const { t } = useI18n();
  const session = useSession();
  const { api, merchant, stores } = session;
  const devices = useLoad(
    () => (session.can('device.read') ? api.devices(merchant.id) : Promise.resolve([])),
    [api, merchant.id],
  );
  const [revoking, setRevoking] = useState<Device | null>(null);

  return (
    <>
      <PageTitle title={t('page.stores')} />
      {session.can('device.manage') && <RegisterDevice stores={stores} onRegistered={devices.reload} />}
      {stores.length === 0 && <p class="empty-state">{t('stores.none')}</p>}
      {stores.map((store) => (
        <section class="card" key={store.id} aria-labelledby={`store-${store.id}`}>
          <h2 id={`store-${store.id}`}>{store.name}</h2>
          <p class="muted">
            {store.code}
            {store.address ? ` · ${store.address}` : ''}
          </p>
          {session.can('device.read') && (
            <Loadable
              loading={devices.loading}
              error={devices.error}
              hasData={devices.data !== undefined}
              empty={(devices.data ?? []).every((d) => d.storeId !== store.id)}
              emptyText={t('devices.none')}
            >
              <DeviceTable
                store={store}
                devices={(devices.data ?? []).filter((d) => d.storeId === store.id)}
                onRevoke={setRevoking}
              />
              {(devices.data ?? []).some((d) => d.storeId === store.id && d.kind === 'entrance_camera') && (
                <EntranceRoles store={store} devicesVersion={devices.data} />
              )}
              {(devices.data ?? []).some((d) => d.storeId === store.id && d.kind === 'entrance_camera') && (
                <StoreDoors
                  store={store}
                  cameras={(devices.data ?? [])
                    .filter((d) => d.storeId === store.id && d.kind === 'entrance_camera' && d.status !== 'revoked')
                    .map((d) => ({ id: d.id, name: d.name }))}
                />
              )}
            </Loadable>
          )}
        </section>
      ))}
      <RevokeDialog
        device={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={() => {
          setRevoking(null);
          devices.reload();
        }}
      />
    </>
  );
}

function DeviceTable(props: { store: Store; devices: Device[]; onRevoke(device: Device): void }) {
  const { t, lang } = useI18n();
  const session = useSession();
  return (
    <table>
      <caption class="visually-hidden">{t('devices.caption', { store: props.store.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('devices.name')}</th>
          <th scope="col">{t('devices.kind')}</th>
          <th scope="col">{t('devices.status')}</th>
          <th scope="col">{t('devices.connection')}</th>
          <th scope="col">{t('devices.version')}</th>
          <th scope="col">{t('devices.lastSeen')}</th>
          {session.can('device.manage') && <th scope="col">{t('table.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {props.devices.map((device) => (
          <tr key={device.id} data-device-name={device.name}>
            <th scope="row">{device.name}</th>
            <td>{t(`deviceKind.${device.kind}`)}</td>
            <td>
              <StatusBadge tone={device.status === 'active' ? 'ok' : device.status === 'pending' ? 'warn' : 'off'}>
                {t(`deviceStatus.${device.status}`)}
              </StatusBadge>
            </td>
            <td>
              {device.status === 'active' ? (
                <StatusBadge tone={device.online ? 'ok' : 'error'}>
                  {t(device.online ? 'devices.online' : 'devices.offline')}
                </StatusBadge>
              ) : (
                '—'
              )}
            </td>
            <td>{device.appVersion ?? '—'}</td>
            <td>{device.lastSeenAt ? formatDateTime(device.lastSeenAt, lang) : t('devices.neverSeen')}</td>
            {session.can('device.manage') && (
              <td>
                {device.status !== 'revoked' && (
                  <button
                    type="button"
                    class="danger"
                    onClick={() => props.onRevoke(device)}
                    aria-label={t('devices.revokeNamed', { name: device.name })}
                  >
                    {t('devices.revoke')}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The store's entrance cameras and their role at the door (入口 / 出口 / 进出双向): an exit camera ends the visits of
 * those it sees. Staff who manage devices set it (setEntranceCameraRole); others read it.
 */
function EntranceRoles(props: { store: Store; devicesVersion: unknown }) {
  const { t } = useI18n();
  const session = useSession();
  const { api, merchant } = session;
  const cameras = useLoad(
    () => api.entranceCameras(merchant.id, props.store.id),
    [api, merchant.id, props.store.id, props.devicesVersion],
  );
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [error, setError] = useState<unknown>(null);
  // The role the server answered, shown until the list read again has it: otherwise the select springs back meanwhile.
  const [answered, setAnswered] = useState<Record<string, CameraRole>>({});
  const canSet = session.can('device.manage');

  async function setRole(camera: EntranceCamera, role: CameraRole) {
    setSaving(camera.deviceId);
    setError(null);
    setSaved('');
    try {
      const updated = await api.setEntranceCameraRole(merchant.id, camera.deviceId, role);
      setAnswered((roles) => ({ ...roles, [camera.deviceId]: updated.role }));
      setSaved(t('devices.entranceRoleSaved', { name: updated.name, role: t(`cameraRole.${updated.role}`) }));
      cameras.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(null);
    }
  }

  const live = (cameras.data ?? []).filter((c) => c.status !== 'revoked');
  return (
    <div class="entrance-roles" data-testid={`entrance-roles-${props.store.id}`}>
      <h3>{t('devices.entranceRole')}</h3>
      <Loadable
        loading={cameras.loading}
        error={cameras.error}
        hasData={cameras.data !== undefined}
        empty={live.length === 0}
      >
        <ul class="plain-list">
          {live.map((camera) => (
            <li key={camera.deviceId} class="field" data-camera-name={camera.name}>
              <label for={`entrance-role-${camera.deviceId}`}>
                {t('devices.entranceRoleOf', { name: camera.name })}
              </label>
              {canSet ? (
                <select
                  id={`entrance-role-${camera.deviceId}`}
                  value={answered[camera.deviceId] ?? camera.role}
                  disabled={saving === camera.deviceId}
                  onChange={(e) => void setRole(camera, e.currentTarget.value as CameraRole)}
                >
                  {CAMERA_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`cameraRole.${role}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <output id={`entrance-role-${camera.deviceId}`}>{t(`cameraRole.${camera.role}`)}</output>
              )}
            </li>
          ))}
        </ul>
      </Loadable>
      <Problem error={error} />
      <p role="status" class="muted">
        {saved}
      </p>
    </div>
  );
}

function RegisterDevice(props: { stores: Store[]; onRegistered(): void }) {
  const { t, lang } = useI18n();
  const { api, merchant } = useSession();
  const [storeId, setStoreId] = useState(props.stores[0]?.id ?? '');
  const [kind, setKind] = useState<DeviceKind>('kiosk');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const [issued, setIssued] = useState<{ device: Device; activationCode: string; expiresAt: string | null } | null>(
    null,
  );

  async function submit(event: Event) {
    event.preventDefault();
    const trimmed = name.trim();
    setNameMissing(!trimmed);
    if (!trimmed || !storeId) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.registerDevice(merchant.id, storeId, { kind, name: trimmed });
      // The code's lifetime is the server's device policy, read with the settings; the code itself is shown only now.
      const policy = await api.settings(merchant.id).then(
        (s) => s.devices,
        () => null,
      );
      const expiresAt = policy
        ? new Date(Date.parse(result.device.createdAt) + policy.activationCodeTtlHours * 3_600_000).toISOString()
        : null;
      setIssued({ ...result, expiresAt });
      setName('');
      props.onRegistered();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="register-device-title">
      <h2 id="register-device-title">{t('register.title')}</h2>
      <p class="muted">{t('register.intro')}</p>
      <form class="inline-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="register-store">{t('register.store')}</label>
          <select id="register-store" value={storeId} onChange={(e) => setStoreId(e.currentTarget.value)}>
            {props.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="register-kind">{t('register.kind')}</label>
          <select id="register-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as DeviceKind)}>
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`deviceKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field field-wide">
          <label for="register-name">{t('register.name')}</label>
          <input
            id="register-name"
            value={name}
            maxLength={80}
            placeholder={t('register.namePlaceholder')}
            aria-invalid={nameMissing}
            aria-describedby={nameMissing ? 'register-name-error' : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          {nameMissing && (
            <p id="register-name-error" class="field-error">
              {t('register.nameMissing')}
            </p>
          )}
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('register.busy') : t('register.submit')}
        </button>
      </form>
      <Problem error={error} />
      {issued && (
        <div class="activation" role="status" aria-live="polite">
          <p>{t('register.issued', { name: issued.device.name })}</p>
          <p class="activation-label" id="activation-code-label">
            {t('register.code')}
          </p>
          <p class="activation-code" data-testid="activation-code" aria-labelledby="activation-code-label">
            {issued.activationCode}
          </p>
          <p>
            {issued.expiresAt
              ? t('register.expires', { at: formatDateTime(issued.expiresAt, lang) })
              : t('register.expiresUnknown')}
          </p>
          <p class="muted">{t('register.howTo')}</p>
          <button type="button" onClick={() => setIssued(null)}>
            {t('register.done')}
          </button>
        </div>
      )}
    </section>
  );
}

function RevokeDialog(props: { device: Device | null; onClose(): void; onRevoked(): void }) {
  const { t } = useI18n();
  const { api, merchant, storeName } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const device = props.device;

  async function revoke() {
    if (!device) return;
    setBusy(true);
    setError(null);
    try {
      await api.revokeDevice(merchant.id, device.id);
      props.onRevoked();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={device !== null}
      labelId="revoke-title"
      title={t('revoke.title')}
      onClose={() => {
        setError(null);
        props.onClose();
      }}
    >
      {device && <p>{t('revoke.body', { name: device.name, store: storeName(device.storeId) })}</p>}
      <Problem error={error} />
      <div class="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('action.cancel')}
        </button>
        <button type="button" class="primary" disabled={busy} onClick={revoke}>
          {busy ? t('revoke.busy') : t('revoke.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
