import '@shualian/web-kit/base.css';
import './member.css';
import { render } from 'preact';
import { I18nProvider, withCommon } from '@shualian/web-kit';
import { App } from './app.tsx';
import { messages } from './messages.ts';

render(
  <I18nProvider messages={withCommon(messages)}>
    <App />
  </I18nProvider>,
  document.getElementById('app')!,
);
