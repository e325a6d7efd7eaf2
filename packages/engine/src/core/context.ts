import type { FlowRegistry } from '../flows/registry.js';
import type { BusinessCalendar } from '../ports/calendar.js';
import type { IdGenerator } from '../ports/clock.js';
import type { People } from '../ports/directory.js';

/**
 * What a decision may consult besides what its command loaded: the flows, the calendar, the
 * people resolved for it, the time and an id generator — all given, none ambient.
 */
export interface DecideContext {
  readonly flows: FlowRegistry;
  readonly calendar: BusinessCalendar | undefined;
  /** Undefined when the engine has no directory: notifications then name no recipient. */
  readonly people: People | undefined;
  readonly now: Date;
  readonly ids: IdGenerator;
}
