import { fail, ok, type Result } from './errors.js';

/** A table's state machine: every legal move, from → allowed targets. */
export type StateMachine<S extends string> = Readonly<Record<S, readonly S[]>>;

/** Whether `machine` allows moving a row from `from` to `to`. */
export function isLegalMove<S extends string>(machine: StateMachine<S>, from: S, to: S): boolean {
  return machine[from].includes(to);
}

/**
 * One locked row's move: it must exist, be in one of `from` (what the caller expects) and the
 * machine must allow `to`. Returns the row's current status when the move may be written.
 */
export function decideMove<S extends string>(
  machine: StateMachine<S>,
  current: S | undefined,
  move: { from: readonly S[]; to: S },
): Result<S, 'not_found' | 'illegal_transition'> {
  if (current === undefined) return fail('not_found');
  if (!move.from.includes(current) || !isLegalMove(machine, current, move.to)) {
    return fail('illegal_transition', { status: current, to: move.to });
  }
  return ok(current);
}

/** A set-based move the machine forbids: its states are constants of the caller, so it is a bug. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly table: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${table}: ${from} → ${to} is not a legal transition`);
    this.name = 'IllegalTransitionError';
  }
}

/**
 * The `from` states of a set-based move (`update … where status in (from)`), each checked against
 * the machine; throws IllegalTransitionError on the first move it forbids.
 */
export function checkedSources<S extends string>(
  table: string,
  machine: StateMachine<S>,
  move: { from: readonly S[]; to: S },
): S[] {
  for (const from of move.from) {
    if (!isLegalMove(machine, from, move.to))
      throw new IllegalTransitionError(table, from, move.to);
  }
  return [...move.from];
}

/**
 * The moved row, for a move whose row the caller locked and checked in this transaction: a refusal
 * now is a bug, so it throws (and the transaction rolls back).
 */
export function expectMoved<T>(
  result: Result<T, 'not_found' | 'illegal_transition'>,
  what: string,
): T {
  if (result.ok) return result.value;
  throw new Error(`${what}: ${result.code} ${JSON.stringify(result.detail ?? {})}`);
}
