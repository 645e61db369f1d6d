import { expect } from 'vitest';
import type { Result } from '../../models/errors.js';
import { isLegalMove, type StateMachine } from '../../models/state-machine.js';

export interface MachineShape<S extends string> {
  machine: StateMachine<S>;
  /** Every status the table's check constraint allows. */
  statuses: readonly S[];
  /** The statuses a row is inserted in. */
  entry: readonly S[];
  /** Statuses the schema allows that no code enters. */
  unused?: readonly S[];
  /** The statuses with no way out, as the doc lists them. */
  terminal: readonly S[];
}

/** States reachable from `entry` through the machine's moves. */
function reachable<S extends string>(machine: StateMachine<S>, entry: readonly S[]): Set<S> {
  const seen = new Set<S>(entry);
  const queue = [...entry];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of machine[state]) {
      if (!seen.has(next)) queue.push(next);
      seen.add(next);
    }
  }
  return seen;
}

/**
 * The machine covers exactly the table's statuses, every used state is reachable from an entry
 * state, unused states are neither entered nor entered into, and the terminal states are the listed ones.
 */
export function expectConsistentMachine<S extends string>(shape: MachineShape<S>): void {
  const { machine, statuses, entry, unused = [], terminal } = shape;
  const sorted = (states: Iterable<S>) => [...states].sort();
  expect(sorted(Object.keys(machine) as S[])).toEqual(sorted(statuses));
  for (const targets of Object.values<readonly S[]>(machine)) {
    for (const to of targets) expect(statuses).toContain(to);
  }
  const used = statuses.filter((s) => !unused.includes(s));
  expect(sorted(reachable(machine, entry))).toEqual(sorted(used));
  for (const state of unused) {
    expect(entry).not.toContain(state);
    expect(statuses.filter((s) => isLegalMove(machine, s, state))).toEqual([]);
  }
  expect(sorted(used.filter((s) => machine[s].length === 0))).toEqual(sorted(terminal));
}

type Moved = Result<unknown, 'not_found' | 'illegal_transition'>;

/**
 * Against the database, for every (from, to) pair: with the row put in `from`, `move` succeeds
 * and writes `to` exactly when the machine allows it; otherwise it answers 'illegal_transition'
 * and the row is unchanged. A legal move is refused as well when the caller expects another state.
 */
export async function expectEveryMoveEnforced<S extends string>(input: {
  machine: StateMachine<S>;
  statuses: readonly S[];
  put: (status: S) => Promise<unknown>;
  read: () => Promise<{ status: S }>;
  move: (from: S[], to: S) => Promise<Moved>;
}): Promise<{ legal: number; illegal: number }> {
  const counts = { legal: 0, illegal: 0 };
  for (const from of input.statuses) {
    for (const to of input.statuses) {
      await input.put(from);
      const before = await input.read();
      const other = input.statuses.filter((s) => s !== from);
      const unexpected = await input.move(other, to);
      expect(unexpected).toMatchObject({ ok: false, code: 'illegal_transition' });
      expect(await input.read()).toEqual(before);
      const moved = await input.move([from], to);
      if (isLegalMove(input.machine, from, to)) {
        counts.legal += 1;
        expect(moved, `${from} → ${to}`).toMatchObject({ ok: true });
        expect((await input.read()).status).toBe(to);
      } else {
        counts.illegal += 1;
        expect(moved, `${from} → ${to}`).toEqual({
          ok: false,
          code: 'illegal_transition',
          detail: { status: from, to },
        });
        expect(await input.read()).toEqual(before);
      }
    }
  }
  return counts;
}
