// Repositories for specs that set up or inspect state below the services (a member without sign-up, the ledger's own
// sums). Only the harness reaches behind the modules' doors; the server's own files go through the services.
export { LedgerRepository } from '../src/modules/ledger/ledger.repository.ts';
export { MemberRepository } from '../src/modules/members/member.repository.ts';
export { ProductRepository } from '../src/modules/catalog/product.repository.ts';
export { TenancyRepository } from '../src/modules/tenancy/tenancy.repository.ts';
export { FaceTemplateRepository } from '../src/modules/biometrics/face-template.repository.ts';
