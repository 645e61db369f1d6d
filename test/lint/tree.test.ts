import { describe, expect, it } from 'vitest';
import { treeLintTimeout, treeOffenders } from '../helpers/lint-tree.js';

/**
 * The production tree against each rule whose fixtures are tested beside it (status-writes,
 * admin-card-openers, direct-time, layers). One file, so a pass lints the tree once: from four
 * files, each of the three workers that ran one linted it again (~10 s of CPU each).
 */
describe('the production tree', { timeout: treeLintTimeout }, () => {
  it('no status written outside its state machine', async () => {
    expect(await treeOffenders('no-restricted-syntax', /status/i)).toEqual([]);
  });

  it('no admin card opened outside its consumer', async () => {
    expect(await treeOffenders('no-restricted-imports', /admin-cards/)).toEqual([]);
  });

  it('no direct system time in domain code', async () => {
    expect(await treeOffenders('no-restricted-syntax', /Clock/)).toEqual([]);
  });

  it("no import across the layers' edges", async () => {
    expect(await treeOffenders('no-restricted-imports', /./)).toEqual([]);
  });
});
