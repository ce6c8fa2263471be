// The tenancy module: providers, merchants, stores, staff accounts, roles × scope, staff sign-in.
// Other modules import only from here (lint: shualian/module-door).
export { authRoutes } from './auth.routes.ts';
export { AuthService } from './auth.service.ts';
export { staffRoutes } from './staff.routes.ts';
export { StaffService } from './staff.service.ts';
export { TenancyAdminService } from './tenancy-admin.service.ts';
export { tenancyRoutes } from './tenancy.routes.ts';
export { TenancyService } from './tenancy.service.ts';
