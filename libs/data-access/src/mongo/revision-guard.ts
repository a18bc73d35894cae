import { setTimeout as sleep } from 'node:timers/promises';
import { type Connection, type Model, Schema } from 'mongoose';
import { ensureCollection, modelOn, SCHEMA_OPTIONS } from './model-on';
import { isDuplicateKey } from './plain';

/** A guarded document as stored: any shape with a string `_id` and a revision counter. */
export interface Revisioned {
  _id: string;
  rev: number;
}

interface Claim {
  _id: string;
  at: Date;
}

const claimSchema = new Schema<Claim>({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { ...SCHEMA_OPTIONS, collection: 'revclaims' });

/** The document stayed contended longer than the guard's timeout. */
export class ConcurrentUpdateError extends Error {
  constructor(readonly scope: string, readonly docId: string) {
    super(`${scope} ${docId}: too many concurrent updates, gave up`);
    this.name = 'ConcurrentUpdateError';
  }
}

export interface GuardOptions {
  /** a claim older than this belongs to a writer that died between claiming and writing */
  staleClaimMs?: number;
  /** give up after this long under contention */
  timeoutMs?: number;
}

export interface GuardedUpdate<T> {
  doc: T;
  /** false when the mutation declined (its condition did not hold) and nothing was written */
  changed: boolean;
}

/**
 * Serializes read-modify-write updates of one document.
 *
 * FerretDB v1 (SQLite) applies every update, `$inc`/`$addToSet`/findOneAndUpdate included, as an
 * unisolated read-modify-write of the whole document: concurrent updates of one document lose
 * each other's changes, even on disjoint fields, and update filters are not checked atomically
 * (measured: 20 concurrent `$inc` → 7). Only an insert against a unique index is atomic. So a
 * writer first claims the revision it read by inserting `<scope>/<id>@<rev>` into `revclaims`;
 * the one claimant replaces the document with rev+1, then drops its claim. A claim left by a
 * writer that died is skipped after `staleClaimMs` by claiming the next slot (`@<rev>~1`, …).
 * Every write of a guarded document must go through here (inserts excepted).
 */
export class RevisionGuard<T extends Revisioned> {
  private readonly claims: Model<Claim>;
  private readonly staleClaimMs: number;
  private readonly timeoutMs: number;

  constructor(
    connection: Connection,
    private readonly model: Model<T>,
    private readonly scope: string,
    opts: GuardOptions = {},
  ) {
    this.claims = modelOn(connection, 'RevisionClaim', claimSchema);
    this.staleClaimMs = opts.staleClaimMs ?? 15_000;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  async ensureIndexes(): Promise<void> {
    await ensureCollection(this.claims);
  }

  /**
   * Applies `mutate` to the current document and writes the result; retried on a fresh read when
   * another writer got there first. `mutate` returns undefined to decline (condition not met) and
   * must be pure: it may run several times. null when the document does not exist.
   */
  async update(id: string, mutate: (current: T) => T | undefined): Promise<GuardedUpdate<T> | null> {
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const current = (await this.model.findById(id).lean()) as T | null;
      if (!current) return null;
      const next = mutate(structuredClone(current));
      if (!next) return { doc: current, changed: false };
      const rev = current.rev ?? 0;
      const claimStarted = performance.now();
      const claim = await this.claim(id, rev);
      if (claim.held) {
        try {
          const written = { ...next, _id: id, rev: rev + 1 } as T;
          if (await this.write(id, rev, written, claim.slot, claimStarted)) return { doc: written, changed: true };
        } finally {
          await this.claims.deleteOne({ _id: claim.held }).catch(() => undefined);
        }
      } else if (claim.busy) {
        // a live writer holds this revision: our read is about to be stale. Wait for its claim to go
        // (cheap reads of the small revclaims) before re-reading the document (every read of it costs
        // FerretDB a scan of the whole collection).
        await this.released(claim.busy, deadline);
      }
      if (Date.now() > deadline) throw new ConcurrentUpdateError(this.scope, id);
      // jittered backoff: contenders of one document spread out instead of colliding again
      await sleep(Math.min(200, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random()));
    }
  }

  /**
   * Writes rev+1 under the claim of `rev`; false when the document is no longer at `rev`.
   *
   * FerretDB v1 pushes down only a filter that is exactly `{_id}`: `replaceOne({_id, rev})` decodes
   * every document of the collection before the write (measured ~80 ms of FerretDB CPU with 300
   * cases). So the usual path checks `rev` with a read by `_id` and replaces by `{_id}`. Why that is
   * safe: rev+1 is written only by a holder of a claim on `rev`. Claims are dropped after the write,
   * so holding slot 0 alone does not prove our read is current (a writer may have claimed, written
   * and dropped it in between): the read after claiming does. From then on nobody else writes until
   * we drop the claim, except a writer that took it over as stale, i.e. saw it older than
   * staleClaimMs. We replace by `{_id}` only if the write leaves within staleClaimMs/3 of claiming,
   * so a takeover could overtake it only if the write stays in flight for 2/3 · staleClaimMs (or
   * clocks differ by that much): the same kind of bound FerretDB's own unisolated filter check and
   * write already impose on the strict filter. Takeover slots, and slow holders, keep the strict
   * `{_id, rev}` filter.
   */
  private async write(id: string, rev: number, written: T, slot: number, claimStarted: number): Promise<boolean> {
    if (slot === 0) {
      const now = (await this.model.findById(id, { rev: 1 }).lean()) as Pick<T, 'rev'> | null;
      if (!now || (now.rev ?? 0) !== rev) return false;
      if (performance.now() - claimStarted < this.staleClaimMs / 3) return (await this.model.replaceOne({ _id: id } as never, written as never)).matchedCount === 1;
    }
    return (await this.model.replaceOne({ _id: id, rev } as never, written as never)).matchedCount === 1;
  }

  /** Resolves when claim `claimId` is gone or stale, or at the deadline. */
  private async released(claimId: string, deadline: number): Promise<void> {
    for (let wait = 2; Date.now() < deadline; wait = Math.min(wait * 2, 100)) {
      await sleep(wait * (0.5 + Math.random()));
      const held = await this.claims.findById(claimId).lean();
      if (!held || Date.now() - held.at.getTime() >= this.staleClaimMs) return;
    }
  }

  /**
   * Claims revision `rev`: `held` is the claim's id (slot 0, or a later slot when earlier ones were
   * left stale by writers that died); `busy` when a live writer holds it; neither when all slots are stale.
   */
  private async claim(id: string, rev: number): Promise<{ held?: string; slot: number; busy?: string }> {
    const base = `${this.scope}/${id}@${rev}`;
    for (let slot = 0; slot < 10; slot++) {
      const claimId = slot === 0 ? base : `${base}~${slot}`;
      try {
        await this.claims.create({ _id: claimId, at: new Date() });
        return { held: claimId, slot };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const held = await this.claims.findById(claimId).lean();
      // dropped meanwhile: the holder wrote rev+1, so this read is stale
      if (!held) return { slot };
      // still at work
      if (Date.now() - held.at.getTime() < this.staleClaimMs) return { slot, busy: claimId };
    }
    return { slot: -1 };
  }
}
