/** YooKassa writes money as decimal strings ("1234.50"); we keep integer kopecks. No floats either way. */

/** Integer kopecks → "1234.50". */
export function formatKopecks(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) {
    throw new RangeError(`Amount must be a non-negative whole number of kopecks, got ${kopecks}`);
  }
  const rubles = Math.floor(kopecks / 100);
  const rest = kopecks % 100;
  return `${rubles}.${String(rest).padStart(2, '0')}`;
}

const decimalAmount = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "1234.5" / "1234.50" / "1234" → integer kopecks; anything else throws. */
export function parseKopecks(value: string): number {
  const match = decimalAmount.exec(value);
  if (!match) throw new RangeError(`Not a YooKassa amount: ${JSON.stringify(value)}`);
  const rubles = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const kopecks = rubles * 100 + fraction;
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`Amount too large: ${value}`);
  return kopecks;
}
