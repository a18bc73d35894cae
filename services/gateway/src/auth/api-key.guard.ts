import type { IncomingMessage } from 'node:http';
import { type CanActivate, type ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { type ApiKey, ApiKeyRepository, UserRepository } from '@rarerank/data-access';
import { MISSING_KEY_MESSAGE, type RequestWithActor } from './actor';
import { apiKeyFrom } from './api-key-header';

/** lastUsedAt is informational: refresh it at most once a minute per key, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Authenticates the API key (hash compared in constant time by the repository; revoked keys fail,
 * and so do keys of a disabled or missing user) and sets request.actor. Every failure is the same
 * 401, so a caller learns nothing about which keys exist.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  /** when this replica last recorded each key's use */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly users: UserRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<IncomingMessage & RequestWithActor>();
    const presented = apiKeyFrom(req.headers);
    const key = presented ? await this.keys.verify(presented) : null;
    const name = key && !key.revokedAt ? await this.ownerName(key) : undefined;
    if (!key || name === undefined) throw new UnauthorizedException(MISSING_KEY_MESSAGE);
    req.actor = { keyId: key.id, labId: key.labId, ...(key.userId && { userId: key.userId }), user: name, role: key.role };
    const now = Date.now();
    if (now - (this.touched.get(key.id) ?? 0) > TOUCH_INTERVAL_MS) {
      this.touched.set(key.id, now);
      this.keys.touchLastUsed(key.id).catch((err: Error) => this.logger.warn(`could not record key use: ${err.message}`));
    }
    return true;
  }

  /** The name to act under; undefined when the key's user is missing, of another lab or disabled. */
  private async ownerName(key: ApiKey): Promise<string | undefined> {
    if (!key.userId) return key.user; // legacy key: its own user (docs/SERVICES.md, Users)
    const user = await this.users.getById(key.userId);
    return user && user.labId === key.labId && !user.disabledAt ? user.name : undefined;
  }
}
