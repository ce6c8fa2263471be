import { ApiError, type DeviceCredential, type DeviceProfile, type OpenCapture, type Product } from '@shualian/sdk';
import { credentialStore, LanguageSwitch, useI18n } from '@shualian/web-kit';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { addProduct, changeQuantity, removeLine, type CartLine } from './cart.ts';
import { demoCameraScene, type DemoCamera } from './face-pay/demo-camera.ts';
import { preloadFaceCheck } from './face-pay/face-check.ts';
import { merchantCode, rememberMerchantCode } from './merchant-code.ts';
import { watchReadiness } from './readiness.ts';
import { createKioskApi, type KioskApi } from './kiosk-api.ts';
import { ActivationScreen } from './screens/activation.screen.tsx';
import { CalibrationScreen } from './screens/calibration.screen.tsx';
import { CartScreen } from './screens/cart.screen.tsx';
import { FacePayScreen } from './screens/face-pay.screen.tsx';
import { IdleScreen } from './screens/idle.screen.tsx';
import { APP_VERSION } from './version.ts';

const HEARTBEAT_MS = 30_000;
const CATALOGUE_REFRESH_MS = 5 * 60_000;
/** A basket left alone this long is abandoned: back to the attract screen for the next shopper. */
const CART_IDLE_MS = 3 * 60_000;
/** How often a kiosk that is not taking a payment asks whether a technician opened a calibration capture for it. */
const CAPTURE_POLL_MS = 5_000;

type Screen = 'idle' | 'cart' | 'pay';

/** A device answer meaning this kiosk is no longer trusted: it must be activated again. */
const lostTrust = (error: unknown) =>
  error instanceof ApiError && error.status === 401 && /^device_(unknown|revoked|not_activated)$/.test(error.code);

export function KioskApp() {
  const { t } = useI18n();
  const [credential, setCredential] = useState<DeviceCredential | null | undefined>(undefined);
  const [revoked, setRevoked] = useState(false);
  const [unsteady, setUnsteady] = useState(false);
  const [profile, setProfile] = useState<DeviceProfile | undefined>(undefined);
  const [demoScene, setDemoScene] = useState<DemoCamera | undefined>(undefined);
  const [demoOn, setDemoOn] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => watchReadiness(() => setReady(true)), []);

  useEffect(() => {
    merchantCode(); // remembers ?m=<code> from the set-up link
    credentialStore.load().then(
      (c) => setCredential(c ?? null),
      () => setCredential(null),
    );
  }, []);

  const api = useMemo(() => (credential ? createKioskApi(credential, setUnsteady) : undefined), [credential]);

  const forget = useCallback(async () => {
    await credentialStore.clear().catch(() => undefined);
    setRevoked(true);
    setCredential(null);
  }, []);

  useEffect(() => {
    if (!api) return;
    const beat = () =>
      api.heartbeat(APP_VERSION).catch((error: unknown) => {
        if (lostTrust(error)) void forget();
      });
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [api, forget]);

  // Who this kiosk is, from the server: the merchant code for receipt links, and whether it may offer the demo camera.
  useEffect(() => {
    if (!api) return;
    let current = true;
    api.profile().then(
      async (p) => {
        if (!current) return;
        rememberMerchantCode(p.merchantCode);
        setProfile(p);
        if (!p.demoCamera) return setDemoScene(undefined);
        const picture = await api.demoCameraPicture();
        if (current) setDemoScene({ memberName: picture.memberName, scene: demoCameraScene(picture) });
      },
      (error: unknown) => {
        if (lostTrust(error)) void forget();
      },
    );
    return () => {
      current = false;
    };
  }, [api, forget]);

  return (
    <div class="kiosk" data-merchant-code={profile?.merchantCode}>
      <header class="kiosk-header">
        <span class="kiosk-brand">{t('app.title')}</span>
        {credential && <span class="kiosk-device">{t('app.device', { name: credential.name })}</span>}
        {unsteady && (
          <span class="kiosk-network" role="status">
            {t('error.network')}
          </span>
        )}
        {profile?.demoCamera && demoScene && (
          <button type="button" class="demo-camera-toggle" aria-pressed={demoOn} onClick={() => setDemoOn((on) => !on)}>
            {t('demo.cameraToggle')} · {t(demoOn ? 'demo.cameraOn' : 'demo.cameraOff')}
          </button>
        )}
        <LanguageSwitch />
      </header>
      {credential === undefined ? (
        <main class="kiosk-main">
          <p>{t('app.loading')}</p>
        </main>
      ) : credential === null || !api ? (
        <ActivationScreen
          revoked={revoked}
          onActivated={(c) => {
            setRevoked(false);
            setCredential(c);
          }}
        />
      ) : (
        <Checkout
          api={api}
          onLostTrust={forget}
          ready={ready}
          demoCamera={profile?.demoCamera && demoOn ? demoScene : undefined}
        />
      )}
    </div>
  );
}

function Checkout(props: {
  api: KioskApi;
  onLostTrust: () => void;
  ready: boolean;
  demoCamera: DemoCamera | undefined;
}) {
  const { api, onLostTrust } = props;
  const [screen, setScreen] = useState<Screen>('idle');
  const [cart, setCart] = useState<CartLine[]>([]);
  const [products, setProducts] = useState<Product[] | undefined>(undefined);
  const [catalogueError, setCatalogueError] = useState<unknown>(null);
  const [capture, setCapture] = useState<OpenCapture | null>(null);

  const loadCatalogue = useCallback(() => {
    api.products().then(
      (list) => {
        setProducts(list);
        setCatalogueError(null);
      },
      (error) => {
        if (lostTrust(error)) onLostTrust();
        else setCatalogueError(error);
      },
    );
  }, [api, onLostTrust]);

  useEffect(() => {
    void preloadFaceCheck();
  }, []);

  useEffect(() => {
    loadCatalogue();
    const timer = setInterval(loadCatalogue, CATALOGUE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadCatalogue]);

  // An abandoned basket goes back to the attract screen, emptied.
  useEffect(() => {
    if (screen !== 'cart') return;
    const timer = setTimeout(() => {
      setCart([]);
      setScreen('idle');
    }, CART_IDLE_MS);
    return () => clearTimeout(timer);
  }, [screen, cart]);

  // A calibration capture takes the kiosk over between shoppers, never in the middle of a payment.
  useEffect(() => {
    if (screen === 'pay') return;
    const check = () =>
      api.openCapture().then(
        (open) => setCapture((current) => (current?.captureId === open?.captureId ? current : open)),
        (error: unknown) => {
          if (lostTrust(error)) onLostTrust();
        },
      );
    void check();
    const timer = setInterval(check, CAPTURE_POLL_MS);
    return () => clearInterval(timer);
  }, [api, screen, onLostTrust]);

  if (capture && screen !== 'pay') return <CalibrationScreen key={capture.captureId} api={api} capture={capture} />;
  if (screen === 'idle') return <IdleScreen products={products ?? []} onStart={() => setScreen('cart')} />;
  if (screen === 'pay') {
    return (
      <FacePayScreen
        api={api}
        cart={cart}
        demoCamera={props.demoCamera}
        onBackToCart={() => setScreen('cart')}
        onFinished={() => {
          setCart([]);
          setScreen('idle');
        }}
      />
    );
  }
  return (
    <CartScreen
      api={api}
      products={products}
      catalogueError={catalogueError}
      onReload={loadCatalogue}
      cart={cart}
      onAdd={(p) => setCart((c) => addProduct(c, p))}
      onQuantity={(id, q) => setCart((c) => changeQuantity(c, id, q))}
      onRemove={(id) => setCart((c) => removeLine(c, id))}
      ready={props.ready}
      onPay={() => setScreen('pay')}
      onCancel={() => {
        setCart([]);
        setScreen('idle');
      }}
    />
  );
}
