import type { RouteModule } from '../../http/services.js';
import { apiKeyRoutes } from './api-keys.js';
import { authRoutes } from './auth.js';
import { brandRoutes } from './brands.js';
import { mfaRoutes } from './mfa.js';
import { userRoutes } from './users.js';

/** Access's HTTP surface (docs/api.md: Auth, MFA enrollment, brands, users, API keys). */
export const accessRoutes: RouteModule = (app, services) => {
  authRoutes(app, services);
  mfaRoutes(app, services);
  brandRoutes(app, services);
  userRoutes(app, services);
  apiKeyRoutes(app, services);
};
