const weights10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const weights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const weights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function controlDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  return (sum % 11) % 10;
}

/**
 * A Russian INN with valid control digits (FNS algorithm): 10 digits (organisations, one control
 * digit) or 12 digits (individuals, two control digits). An all-zero number is refused.
 */
export function isValidInn(inn: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(inn) || /^0+$/.test(inn)) return false;
  const digits = [...inn].map(Number);
  if (digits.length === 10) return controlDigit(digits, weights10) === digits[9];
  return (
    controlDigit(digits, weights11) === digits[10] && controlDigit(digits, weights12) === digits[11]
  );
}
