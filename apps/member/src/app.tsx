import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '@shualian/sdk';
import { LanguageSwitch, Spinner, useI18n, useLoad } from '@shualian/web-kit';
import { MemberApi, publicApi } from './member-api.ts';
import { MemberContext } from './member-context.ts';
import { useRoute, type Route } from './member-routes.ts';
import { CardScreen } from './screens/card.screen.tsx';
import { ConsentScreen } from './screens/consent.screen.tsx';
import { CouponsScreen } from './screens/coupons.screen.tsx';
import { EnrollScreen } from './screens/enroll.screen.tsx';
import { EntranceScreen } from './screens/entrance.screen.tsx';
import { FaceDataScreen } from './screens/face-data.screen.tsx';
import { HomeScreen } from './screens/home.screen.tsx';
import { PaymentsScreen } from './screens/payments.screen.tsx';
import { ReceiptScreen, ReceiptsScreen } from './screens/receipts.screen.tsx';
import { SignIn } from './screens/sign-in.screen.tsx';
import { clearSession, loadSession, saveSession, type StoredSession } from './session.ts';
import { Problem, Status } from './screen.view.tsx';

const MERCHANT_CODE = /^[a-z0-9-]{2,40}$/;

/** The merchant comes from the link (`?m=yabo`): the store's QR code and the kiosk's receipt QR carry it. */
export function App() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  const code = new URLSearchParams(location.search).get('m')?.trim().toLowerCase() ?? '';
  if (!code) return <MerchantProblem kind="missing" code="" />;
  if (!MERCHANT_CODE.test(code)) return <MerchantProblem kind="unknown" code={code} />;
  return <MerchantApp merchantCode={code} />;
}

function MerchantProblem(props: { kind: 'missing' | 'unknown'; code: string }) {
  const { t } = useI18n();
  return (
    <>
      <Header />
      <main class="screen" id="main">
        <h1>{t(`merchant.${props.kind}Title`)}</h1>
        <p class="notice notice-error" role="alert">
          {t(`merchant.${props.kind}`, { code: props.code })}
        </p>
      </main>
    </>
  );
}

function MerchantApp(props: { merchantCode: string }) {
  const { t } = useI18n();
  // The consent text is per merchant; loading it also tells us whether the merchant exists.
  const consentDocument = useLoad(() => publicApi.consentDocument(props.merchantCode), [props.merchantCode]);
  const [session, setSession] = useState<StoredSession | null>(() => loadSession(props.merchantCode));
  const [notice, setNotice] = useState<string>();
  // The welcome line (a message key) shows on the first screen after signing in, until the member moves on.
  const [welcome, setWelcome] = useState<string>();
  useEffect(() => {
    if (!welcome) return;
    const clear = () => setWelcome(undefined);
    window.addEventListener('hashchange', clear);
    return () => window.removeEventListener('hashchange', clear);
  }, [welcome]);

  const endSession = (why: 'app.signedOut' | 'app.sessionExpired') => {
    clearSession(props.merchantCode);
    setSession(null);
    setWelcome(undefined);
    setNotice(t(why));
  };
  const api = useMemo(
    () => (session ? new MemberApi(session.token, () => endSession('app.sessionExpired')) : null),
    [session?.token],
  );

  if (consentDocument.error instanceof ApiError && consentDocument.error.code === 'merchant_not_found') {
    return <MerchantProblem kind="unknown" code={props.merchantCode} />;
  }
  if (!consentDocument.data) {
    return (
      <>
        <Header />
        <main class="screen" id="main">
          {consentDocument.loading ? (
            <Spinner label={t('app.loading')} />
          ) : (
            <>
              <Problem error={consentDocument.error} />
              <button type="button" onClick={consentDocument.reload}>
                {t('app.retry')}
              </button>
            </>
          )}
        </main>
      </>
    );
  }
  if (!session || !api) {
    return (
      <>
        <Header />
        <SignIn
          merchantCode={props.merchantCode}
          notice={notice}
          onSignedIn={(result) => {
            const next = { token: result.token, expiresAt: result.expiresAt };
            saveSession(props.merchantCode, next);
            setNotice(undefined);
            setWelcome(result.created ? 'signIn.welcomeNew' : 'signIn.welcomeBack');
            setSession(next);
          }}
        />
      </>
    );
  }
  return (
    <MemberContext.Provider value={{ api, merchantCode: props.merchantCode, consentDocument: consentDocument.data }}>
      <Header onSignOut={() => endSession('app.signedOut')} />
      <div class="flash">
        <Status>{welcome ? t(welcome) : undefined}</Status>
      </div>
      <Screens />
      <TabBar />
    </MemberContext.Provider>
  );
}

function Header(props: { onSignOut?(): void }) {
  const { t } = useI18n();
  return (
    <header class="top-bar">
      <span class="app-name">{t('app.title')}</span>
      <span class="top-actions">
        <LanguageSwitch />
        {props.onSignOut && (
          <button type="button" class="sign-out" onClick={props.onSignOut}>
            {t('app.signOut')}
          </button>
        )}
      </span>
    </header>
  );
}

function Screens() {
  const route = useRoute();
  // A key per route: each visit starts fresh (loads its data again, opens the camera again).
  const key = route.name === 'receipt' ? `receipt-${route.receiptId}` : route.name;
  return <ScreenFor key={key} route={route} />;
}

function ScreenFor(props: { route: Route }) {
  const { route } = props;
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'card':
      return <CardScreen />;
    case 'receipts':
      return <ReceiptsScreen />;
    case 'receipt':
      return <ReceiptScreen receiptId={route.receiptId} />;
    case 'payments':
      return <PaymentsScreen />;
    case 'coupons':
      return <CouponsScreen />;
    case 'face':
      return <FaceDataScreen />;
    case 'consent':
      return <ConsentScreen />;
    case 'enroll':
      return <EnrollScreen />;
    case 'entrance':
      return <EntranceScreen />;
  }
}

const TABS = [
  { name: 'home', label: 'nav.home', icon: '¥', matches: ['home', 'coupons'] },
  { name: 'card', label: 'nav.card', icon: '▣', matches: ['card'] },
  { name: 'receipts', label: 'nav.receipts', icon: '▤', matches: ['receipts', 'receipt'] },
  { name: 'payments', label: 'nav.payments', icon: '◎', matches: ['payments'] },
  { name: 'face', label: 'nav.face', icon: '☺', matches: ['face', 'consent', 'enroll', 'entrance'] },
] as const;

function TabBar() {
  const { t } = useI18n();
  const route = useRoute();
  return (
    <nav class="tab-bar" aria-label={t('nav.label')}>
      {TABS.map((tab) => {
        const current = (tab.matches as readonly string[]).includes(route.name);
        return (
          <a
            key={tab.name}
            href={`#/${tab.name}`}
            aria-current={current ? 'page' : undefined}
            class={current ? 'tab current' : 'tab'}
          >
            <span class="tab-icon" aria-hidden="true">
              {tab.icon}
            </span>
            <span>{t(tab.label)}</span>
          </a>
        );
      })}
    </nav>
  );
}
