// Time is injected: only this file calls new Date(). Use cases get `clock` from deps.
import { type LocalDate, parisDate } from "../../shared/kernel/dates";

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { advance(ms: number): void; set(iso: string): void } {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
    set: (next: string) => {
      t = Date.parse(next);
    },
  };
}

export function parisToday(clock: Clock): LocalDate {
  return parisDate(clock.now());
}
