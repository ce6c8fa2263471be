import '@shualian/web-kit/base.css';
import { render } from 'preact';
import { I18nProvider, LanguageSwitch, withCommon } from '@shualian/web-kit';

const messages = withCommon({ 'zh-CN': { title: '刷脸收银 · Shualian kiosk' }, en: { title: '刷脸收银 · Shualian kiosk' } });

render(
  <I18nProvider messages={messages}>
    <main>
      <h1>刷脸收银 · Shualian kiosk</h1>
      <LanguageSwitch />
    </main>
  </I18nProvider>,
  document.getElementById('app')!,
);
