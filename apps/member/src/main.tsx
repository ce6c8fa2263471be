import '@shualian/web-kit/base.css';
import { render } from 'preact';
import { I18nProvider, LanguageSwitch, withCommon } from '@shualian/web-kit';

const messages = withCommon({ 'zh-CN': { title: '刷脸会员 · Shualian member' }, en: { title: '刷脸会员 · Shualian member' } });

render(
  <I18nProvider messages={messages}>
    <main>
      <h1>刷脸会员 · Shualian member</h1>
      <LanguageSwitch />
    </main>
  </I18nProvider>,
  document.getElementById('app')!,
);
