import { test } from 'node:test';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { moduleDoorRule } from './module-door.rule.js';

const modules = '/repo/apps/server/src/modules';
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, sourceType: 'module' } });

test('a module reaches another only through its index.ts', () => {
  tester.run('module-door', moduleDoorRule, {
    valid: [
      {
        filename: `${modules}/checkout/face-pay.service.ts`,
        code: "import { PaymentService } from '../payments/index.ts';",
      },
      { filename: `${modules}/checkout/face-pay.service.ts`, code: "import { FirstLooks } from './first-looks.ts';" },
      {
        filename: `${modules}/biometrics/liveness/liveness-capture.service.ts`,
        code: "import { checkImages } from '../image-gate.ts';",
      },
      {
        filename: `${modules}/payments/payment.service.ts`,
        code: "import { invalid } from '../../platform/domain-errors.ts';",
      },
      {
        filename: '/repo/apps/server/src/container.ts',
        code: "export { CatalogService } from './modules/catalog/index.ts';",
      },
      { filename: `${modules}/catalog/catalog.service.ts`, code: "import type { Kysely } from 'kysely';" },
      {
        filename: '/repo/apps/server/src/container.ts',
        code: "import { MemberRepository } from './modules/members/member.repository.ts';",
      },
    ],
    invalid: [
      {
        filename: `${modules}/checkout/face-pay.service.ts`,
        code: "import { MemberRepository } from '../members/member.repository.ts';",
        errors: [{ messageId: 'throughDoor', data: { source: '../members/member.repository.ts', module: 'members' } }],
      },
      {
        filename: `${modules}/biometrics/liveness/liveness-capture.service.ts`,
        code: "import type { DeviceRepository } from '../../devices/device.repository.ts';",
        errors: [{ messageId: 'throughDoor' }],
      },
      {
        filename: `${modules}/ledger/wallet.service.ts`,
        code: "export { ReceiptService } from '../payments/receipt.service.ts';",
        errors: [{ messageId: 'throughDoor' }],
      },
      {
        filename: `${modules}/ledger/wallet.service.ts`,
        code: "const receipts = await import('../payments/receipt.service.ts');",
        errors: [{ messageId: 'throughDoor' }],
      },
      {
        filename: '/repo/apps/server/src/demo/seed.ts',
        code: "import { ProductRepository } from '../modules/catalog/product.repository.ts';",
        errors: [{ messageId: 'throughDoor' }],
      },
      {
        filename: '/repo/apps/server/src/container.ts',
        code: "import { MemberService } from './modules/members/member.service.ts';",
        errors: [{ messageId: 'throughDoor' }],
      },
      {
        filename: '/repo/apps/server/src/server.ts',
        code: "import { TenancyRepository } from './modules/tenancy/tenancy.repository.ts';",
        errors: [{ messageId: 'throughDoor' }],
      },
    ],
  });
});
