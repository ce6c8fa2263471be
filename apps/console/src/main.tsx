import '@shualian/web-kit/base.css';
import { render } from 'preact';
import { I18nProvider, LanguageSwitch, withCommon } from '@shualian/web-kit';

const messages = withCommon({ 'zh-CN': { title: '商户后台 · Shualian console' }, en: { title: '商户后台 · Shualian console' } });

render(
  <I18nProvider messages={messages}>
    <main>
      <h1>商户后台 · Shualian console</h1>
      <LanguageSwitch />
    </main>
  </I18nProvider>,
  document.getElementById('app')!,
);
