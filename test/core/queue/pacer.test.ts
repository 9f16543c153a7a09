// src/core/queue/pacer.ts: long work in steps, each ended by a yield once it has
// used its time budget or its count of units.
import { describe, expect, it } from "vitest";
import { Pacer } from "../../../src/core/queue/pacer";

/** A clock the test moves by hand. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe("the pacer", () => {
  it("ends a step once its time budget is used, and starts the next after the yield", async () => {
    const c = clock();
    let yields = 0;
    const pacer = new Pacer({ budgetMs: 10, now: c.now, pause: async () => void yields++ });
    const ends: number[] = [];
    for (let unit = 1; unit <= 12; unit++) {
      c.advance(3);
      if (pacer.tick()) {
        ends.push(unit);
        await pacer.rest();
      }
    }
    // 3 ms a unit: the fourth unit of each step passes 10 ms.
    expect(ends).toEqual([4, 8, 12]);
    expect(yields).toBe(3);
  });

  it("ends a step after its most units, however fast they are", async () => {
    const c = clock();
    const pacer = new Pacer({ budgetMs: 1000, most: 8, now: c.now, pause: async () => undefined });
    const ends: number[] = [];
    for (let unit = 1; unit <= 20; unit++) {
      if (!pacer.tick()) continue;
      ends.push(unit);
      await pacer.rest();
    }
    expect(ends).toEqual([8, 16]);
  });

  it("without a yield never ends a step: the work runs in one go", () => {
    const c = clock();
    const pacer = new Pacer({ budgetMs: 0, most: 1, now: c.now });
    c.advance(100);
    expect([pacer.tick(), pacer.tick()]).toEqual([false, false]);
  });
});
