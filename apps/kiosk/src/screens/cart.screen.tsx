import { ApiError, type Product } from '@shualian/sdk';
import { ErrorNotice, formatFen, Spinner, useI18n } from '@shualian/web-kit';
import { useEffect, useRef, useState } from 'preact/hooks';
import { listenForWedgeScans } from '../barcode-wedge.ts';
import { cartTotals, MAX_LINES, memberUnitPrice, productName, type CartLine } from '../cart.ts';
import type { KioskApi } from '../kiosk-api.ts';
import { unitName } from '../messages.ts';
import { CameraScanner } from './camera-scanner.view.tsx';

interface Props {
  api: KioskApi;
  products: Product[] | undefined;
  catalogueError: unknown;
  onReload: () => void;
  cart: CartLine[];
  onAdd: (product: Product) => void;
  onQuantity: (productId: string, quantity: number) => void;
  onRemove: (productId: string) => void;
  onPay: () => void;
  onCancel: () => void;
  /** false while the server is still loading face recognition (/readyz): face pay waits, the basket does not. */
  ready: boolean;
}

type Notice = { kind: 'ok' | 'error'; text: string };

/** The basket: tap products, scan barcodes (scanner gun or camera), adjust, then pay by face. */
export function CartScreen(props: Props) {
  const { t, lang } = useI18n();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [scanning, setScanning] = useState(false);
  const latest = useRef(props);
  latest.current = props;

  const add = (product: Product) => {
    if (props.cart.length >= MAX_LINES && !props.cart.some((l) => l.product.id === product.id)) {
      setNotice({ kind: 'error', text: t('cart.full') });
      return;
    }
    props.onAdd(product);
    setNotice({ kind: 'ok', text: t('cart.added', { name: productName(product, lang) }) });
  };
  const addRef = useRef(add);
  addRef.current = add;

  const scanned = async (code: string) => {
    const known = latest.current.products?.find((p) => p.barcode === code);
    if (known) return addRef.current(known);
    try {
      // The catalogue on screen may be older than the shop's: ask the server before saying "unknown".
      const found = await latest.current.api.productsByBarcode(code);
      if (found[0]) return addRef.current(found[0]);
      setNotice({ kind: 'error', text: t('cart.unknownBarcode', { code }) });
    } catch (error) {
      setNotice({
        kind: 'error',
        text:
          error instanceof ApiError && error.status === 400 ? t('cart.unknownBarcode', { code }) : t('reason.network'),
      });
    }
  };
  const scannedRef = useRef(scanned);
  scannedRef.current = scanned;

  useEffect(() => (scanning ? undefined : listenForWedgeScans((code) => void scannedRef.current(code))), [scanning]);

  const totals = cartTotals(props.cart);
  return (
    <main class="kiosk-main cart">
      <section class="cart-products" aria-labelledby="products-title">
        <div class="cart-products-head">
          <h1 id="products-title">{t('cart.products')}</h1>
          <button type="button" class="big" onClick={() => setScanning(true)}>
            {t('cart.scan')}
          </button>
          <button type="button" class="big" onClick={props.onCancel}>
            {t('cart.cancel')}
          </button>
        </div>
        {props.catalogueError ? (
          <div>
            <p class="notice notice-error" role="alert">
              {t('cart.loadFailed')}
            </p>
            <ErrorNotice error={props.catalogueError} />
            <button type="button" class="big" onClick={props.onReload}>
              {t('cart.reload')}
            </button>
          </div>
        ) : !props.products ? (
          <Spinner label={t('app.loading')} />
        ) : (
          <ul class="product-grid">
            {props.products.map((product) => (
              <li key={product.id}>
                <button type="button" class="product-tile" data-product-id={product.id} onClick={() => add(product)}>
                  <span class="product-name">{productName(product, lang)}</span>
                  <span class="product-price">
                    {t('cart.each', { price: formatFen(product.priceFen), unit: unitName(product.unit, lang) })}
                  </span>
                  {product.memberPriceFen !== null && product.memberPriceFen < product.priceFen && (
                    <span class="product-member">
                      {t('cart.memberPrice', { price: formatFen(product.memberPriceFen) })}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="cart-basket" aria-labelledby="basket-title">
        <h2 id="basket-title">
          {t('cart.title')} <span class="cart-count">{t('cart.items', { n: totals.items })}</span>
        </h2>
        <div class="cart-notice" aria-live="polite">
          {notice && (
            <p
              class={`notice ${notice.kind === 'ok' ? 'notice-ok' : 'notice-error'}`}
              role={notice.kind === 'error' ? 'alert' : undefined}
            >
              {notice.text}
            </p>
          )}
        </div>
        {props.cart.length === 0 ? (
          <div class="cart-empty">
            <p>{t('cart.empty')}</p>
            <p class="muted">{t('cart.scanHint')}</p>
          </div>
        ) : (
          <ul class="cart-lines">
            {props.cart.map(({ product, quantity }) => {
              const name = productName(product, lang);
              return (
                <li key={product.id} class="cart-line" data-cart-line={product.id}>
                  <div class="cart-line-text">
                    <span class="cart-line-name">{name}</span>
                    <span class="muted">
                      {formatFen(memberUnitPrice(product))}
                      {product.memberPriceFen !== null && product.memberPriceFen < product.priceFen && (
                        <>
                          {' '}
                          <s>{formatFen(product.priceFen)}</s>
                        </>
                      )}
                    </span>
                  </div>
                  <div class="cart-line-controls">
                    <button
                      type="button"
                      class="qty"
                      aria-label={t('cart.decrease', { name })}
                      onClick={() => props.onQuantity(product.id, quantity - 1)}
                    >
                      −
                    </button>
                    <output class="qty-value" aria-label={t('cart.quantity', { name, n: quantity })}>
                      {quantity}
                    </output>
                    <button
                      type="button"
                      class="qty"
                      aria-label={t('cart.increase', { name })}
                      onClick={() => props.onQuantity(product.id, quantity + 1)}
                    >
                      +
                    </button>
                    <button
                      type="button"
                      class="remove"
                      aria-label={t('cart.removeLabel', { name })}
                      onClick={() => props.onRemove(product.id)}
                    >
                      {t('cart.remove')}
                    </button>
                  </div>
                  <span class="cart-line-total">{formatFen(memberUnitPrice(product) * quantity)}</span>
                </li>
              );
            })}
          </ul>
        )}
        <dl class="cart-totals">
          <div>
            <dt>{t('cart.regular')}</dt>
            <dd>{formatFen(totals.regularFen)}</dd>
          </div>
          <div class="cart-savings">
            <dt>{t('cart.savings')}</dt>
            <dd data-testid="cart-savings">-{formatFen(totals.savingsFen)}</dd>
          </div>
          <div class="cart-total">
            <dt>{t('cart.total')}</dt>
            <dd data-testid="cart-total">{formatFen(totals.memberFen)}</dd>
          </div>
        </dl>
        <div class="cart-actions">
          {props.ready ? (
            <button
              type="button"
              class="primary huge cart-pay"
              disabled={props.cart.length === 0}
              onClick={props.onPay}
            >
              {t('cart.pay')}
            </button>
          ) : (
            <div class="cart-preparing" role="status" data-preparing>
              <Spinner label={t('app.preparing')} />
              <p>{t('app.preparingNote')}</p>
            </div>
          )}
        </div>
      </section>
      {scanning && (
        <CameraScanner
          onScan={(code) => {
            setScanning(false);
            void scanned(code);
          }}
          onClose={() => setScanning(false)}
        />
      )}
    </main>
  );
}
