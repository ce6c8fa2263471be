import '@shualian/web-kit/base.css';
import './entrance.css';
import { render } from 'preact';
import { I18nProvider, withCommon } from '@shualian/web-kit';
import { EntranceApp } from './app.tsx';
import { messages } from './messages.ts';

render(
  <I18nProvider messages={withCommon(messages)}>
    <EntranceApp />
  </I18nProvider>,
  document.getElementById('app')!,
);
