/** @module The real clock, in one place so tests can swap it for a fake one. */
export const systemClock = (): number => Date.now();
