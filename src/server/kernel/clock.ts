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

/**
 * The system time plus an offset that only moves forward: the clock of SOCLE_ENV=test servers, so that a
 * browser journey can let days pass (a reminder becomes due, an appointment is over). Never in demo or
 * production (see bootstrap.ts).
 */
export function travellingClock(): Clock & {
  advance(ms: number): Promise<void>;
  offsetMs(): number;
  /** run after each advance (e.g. send the messages that became due) */
  onAdvance(listener: () => Promise<void>): void;
} {
  let offset = 0;
  const listeners: (() => Promise<void>)[] = [];
  return {
    now: () => new Date(Date.now() + offset),
    advance: async (ms: number) => {
      if (ms < 0) throw new Error("le temps ne recule pas");
      offset += ms;
      for (const l of listeners) await l();
    },
    offsetMs: () => offset,
    onAdvance: (l) => {
      listeners.push(l);
    },
  };
}

export const isTravellingClock = (c: Clock): c is ReturnType<typeof travellingClock> =>
  "advance" in c && "offsetMs" in c;

export function parisToday(clock: Clock): LocalDate {
  return parisDate(clock.now());
}
