import { callbackData, field } from './codec.js';

/** crt:start:<bundleId> — the creative step of a bundle (the cart's «Continue», the invoice's back). */
export const creativeStartData = callbackData('crt:start', { bundleId: field.uuid });
