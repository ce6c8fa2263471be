import '@shualian/web-kit/base.css';
import './kiosk.css';
import { render } from 'preact';
import { I18nProvider, withCommon } from '@shualian/web-kit';
import { KioskApp } from './app.tsx';
import { messages } from './messages.ts';

render(
  <I18nProvider messages={withCommon(messages)}>
    <KioskApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
