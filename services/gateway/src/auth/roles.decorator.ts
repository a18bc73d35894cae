import { SetMetadata } from '@nestjs/common';
import type { Role } from '@rarerank/data-access';

export const ROLES_KEY = 'rarerank:roles';

/** The roles allowed on a route; a route without @Roles accepts any authenticated key. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
