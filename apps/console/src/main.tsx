import '@shualian/web-kit/base.css';
import './console.css';
import { render } from 'preact';
import {
  hashFor,
  I18nProvider,
  LanguageSwitch,
  Spinner,
  useHashRoute,
  useI18n,
  type HashRoute,
} from '@shualian/web-kit';
import { pagesFor, type PageId } from './access.ts';
import { LoginPage } from './login.page.tsx';
import { MESSAGES } from './messages.ts';
import { AuditPage } from './pages/audit.page.tsx';
import { InStorePage } from './pages/in-store.page.tsx';
import { LoyaltyPage } from './pages/loyalty.page.tsx';
import { MembersPage } from './pages/members.page.tsx';
import { PaymentsPage } from './pages/payments.page.tsx';
import { PromotionsPage } from './pages/promotions.page.tsx';
import { SettingsPage } from './pages/settings.page.tsx';
import { CalibrationPage } from './pages/calibration.page.tsx';
import { SettlementPage } from './pages/settlement.page.tsx';
import { StoredValuePage } from './pages/stored-value.page.tsx';
import { StoreTabletPage } from './pages/store-tablet.page.tsx';
import { StoresPage } from './pages/stores.page.tsx';
import { TrafficPage } from './pages/traffic.page.tsx';
import { SessionProvider, useSession, useSessionState } from './session.context.tsx';
import { Problem } from './ui/page.view.tsx';

function ConsoleApp() {
  const { t } = useI18n();
  const { state, signIn } = useSessionState();
  switch (state.status) {
    case 'checking':
      return (
        <main class="centred">
          <Spinner label={t('session.checking')} />
        </main>
      );
    case 'signed_out':
      return <LoginPage expired={state.reason === 'expired'} onSignedIn={signIn} />;
    case 'no_merchant':
    case 'failed':
      return (
        <main class="centred">
          <div class="card">
            <h1>{t('app.title')}</h1>
            {state.status === 'failed' ? <Problem error={state.error} /> : <p>{t('session.noMerchant')}</p>}
            {state.status === 'failed' && (
              <button type="button" onClick={state.retry}>
                {t('action.retry')}
              </button>
            )}
            <button type="button" onClick={() => void state.signOut()}>
              {t('nav.signOut')}
            </button>
          </div>
        </main>
      );
    case 'ready':
      return (
        <SessionProvider session={state.session}>
          <Routed />
        </SessionProvider>
      );
  }
}

const PAGE_COMPONENTS: Record<PageId, (props: { route: HashRoute }) => preact.JSX.Element> = {
  stores: () => <StoresPage />,
  'in-store': () => <InStorePage />,
  traffic: (props) => <TrafficPage route={props.route} />,
  members: () => <MembersPage />,
  payments: (props) => <PaymentsPage route={props.route} />,
  promotions: () => <PromotionsPage />,
  settlement: (props) => <SettlementPage route={props.route} />,
  loyalty: () => <LoyaltyPage />,
  'stored-value': () => <StoredValuePage />,
  settings: () => <SettingsPage />,
  calibration: () => <CalibrationPage />,
  audit: () => <AuditPage />,
};

/** "Name (role)", without saying the role twice when the name already says it (an account named 店长, say). */
function signedInAs(name: string, role: string, t: (key: string, values?: Record<string, string>) => string): string {
  return name.toLowerCase().includes(role.toLowerCase()) ? name : t('nav.signedInAs', { name, role });
}

/**
 * The store tablet (#/store-tablet/<storeId>) fills the screen without the console's header and navigation, for the
 * staff who may read the store's presence; every other route is the console.
 */
function Routed() {
  const session = useSession();
  const route = useHashRoute();
  if (route.path[0] === 'store-tablet' && session.can('presence.read')) {
    const storeId = route.path[1] ?? session.stores[0]?.id ?? '';
    return <StoreTabletPage key={`${session.merchant.id}:${storeId}`} storeId={storeId} />;
  }
  return <Shell />;
}

/** Header (merchant, who is signed in, language, sign out), the navigation the role may use, and the page. */
function Shell() {
  const { t } = useI18n();
  const session = useSession();
  const route = useHashRoute();
  const requested = route.path[0] ?? '';
  const pages = pagesFor(session.staff.permissions);
  const page = (pages as string[]).includes(requested) ? (requested as PageId) : pages[0]!;
  const Page = PAGE_COMPONENTS[page];

  return (
    <div class="shell">
      <header class="topbar">
        <p class="brand">{t('app.title')}</p>
        {session.merchants.length > 1 ? (
          <div class="merchant-picker">
            <label for="merchant-select" class="visually-hidden">
              {t('nav.merchant')}
            </label>
            <select
              id="merchant-select"
              value={session.merchant.id}
              onChange={(e) => session.selectMerchant(e.currentTarget.value)}
            >
              {session.merchants.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p class="merchant-name">{session.merchant.name}</p>
        )}
        <p class="who" data-testid="signed-in-as">
          {signedInAs(session.staff.displayName, t(`role.${session.staff.role}`), t)}
        </p>
        <LanguageSwitch />
        <button type="button" onClick={() => void session.signOut()}>
          {t('nav.signOut')}
        </button>
      </header>
      <nav class="sidenav" aria-label={t('nav.label')}>
        <ul>
          {pages.map((id) => (
            <li key={id}>
              <a href={hashFor(id)} aria-current={id === page ? 'page' : undefined}>
                {t(`page.${id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="content" id="main">
        <Page key={`${session.merchant.id}:${page}`} route={route} />
      </main>
    </div>
  );
}

render(
  <I18nProvider messages={MESSAGES}>
    <ConsoleApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
