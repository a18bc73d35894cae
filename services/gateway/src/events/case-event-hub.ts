import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { CaseStageEvent } from '@rarerank/pipeline';
import { filter, type Observable, Subject } from 'rxjs';

/** In-process fan-out of the case.stage events this gateway receives, to its SSE subscribers. */
@Injectable()
export class CaseEventHub implements OnModuleDestroy {
  private readonly events = new Subject<CaseStageEvent>();

  publish(event: CaseStageEvent): void {
    this.events.next(event);
  }

  /** Live events of one case of one lab. */
  forCase(labId: string, caseId: string): Observable<CaseStageEvent> {
    return this.events.pipe(filter((e) => e.caseId === caseId && e.labId === labId));
  }

  onModuleDestroy(): void {
    // ends every open SSE stream on shutdown instead of leaving the connections hanging
    this.events.complete();
  }
}
