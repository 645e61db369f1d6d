import type { TestUser } from './telegram-user.js';

/**
 * Books 1/24 slots at `hours` on `day` (as the day button reads) the way a person does: the first
 * with `firstButton` (the card's Book), the rest with «➕ Another slot»; waits for the cart to list
 * each one.
 */
export async function bookSlotsOnDay(
  user: TestUser,
  firstButton: string,
  day: string,
  hours: string[],
): Promise<void> {
  const screen = (what: string) => user.waitFor((m) => m.text?.includes(what) === true, { what });
  for (const [i, hour] of hours.entries()) {
    await user.click(i === 0 ? firstButton : '➕ Another slot');
    await screen('Choose the ad format');
    await user.click(/^1\/24/);
    await screen('Choose a day');
    await user.click(day);
    await screen('Choose a time');
    await user.click(new RegExp(`^${hour}`));
    await user.waitFor(
      (m) => m.text?.includes('Your order') === true && (m.text.match(/•/g) ?? []).length === i + 1,
      { what: `cart with ${i + 1} slots` },
    );
  }
}
