/**
 * Time is injected everywhere instead of calling `new Date()`: deadlines, cadences and retention
 * are computed from "now", and tests move "now" explicitly rather than sleeping.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol.for('enplan.clock');

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests set and advance. */
export class FixedClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}
