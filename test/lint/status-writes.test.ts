import { readFile } from 'node:fs/promises';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

async function lintAs(virtualPath: string): Promise<number[]> {
  const code = await readFile(new URL('test/fixtures/status-offender.ts', root), 'utf8');
  const eslint = new ESLint({ cwd: root.pathname });
  const [result] = await eslint.lintText(code, { filePath: new URL(virtualPath, root).pathname });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-syntax' && /status/i.test(m.message))
    .map((m) => m.line);
}

describe('status writes outside the transition modules', () => {
  it.each([
    'models/admin/fixture.ts',
    'bot/features/fixture.ts',
    'jobs/fixture.ts',
    'http/fixture.ts',
    'messages/fixture.ts',
    'sandbox/fixture.ts',
  ])(
    'are reported in %s: drizzle .set({ status }) of a stateful table, raw SQL set status',
    async (path) => {
      expect(await lintAs(path)).toEqual([7, 10, 10, 12]);
    },
  );

  it.each([
    'models/orders/transition-order.ts',
    'models/channels/transition-channel.ts',
    'models/placements/transition-placement.ts',
    'models/payments/transition-payment.ts',
    'models/payouts/transition-payout.ts',
    'models/slots/transition-slot.ts',
  ])('are allowed in the owner %s', async (path) => {
    expect(await lintAs(path)).toEqual([]);
  });
});
