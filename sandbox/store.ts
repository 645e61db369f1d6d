/** Records the world keeps for callback queries and payments. */
export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

export interface CallbackState {
  id: string;
  botId: number;
  userId: number;
  chatKey: string;
  messageId: number;
  data?: string;
  createdAtMs: number;
  answer: CallbackAnswer | null;
  waiters: ((answer: CallbackAnswer) => void)[];
}

export interface PreCheckoutState {
  id: string;
  botId: number;
  userId: number;
  settle: (answer: { ok: boolean; error_message?: string }) => void;
}

export interface ChargeState {
  chargeId: string;
  botId: number;
  userId: number;
  amount: number;
  currency: string;
  payload: string;
  refunded: boolean;
}

export interface StarTransaction {
  id: string;
  amount: number;
  date: number;
  source?: Record<string, unknown>;
  receiver?: Record<string, unknown>;
}

/** One payment attempt as the paying user saw it (the page shows failures with their text). */
export interface PaymentLogEntry {
  userId: number;
  botId: number;
  ok: boolean;
  amount: number;
  currency: string;
  date: number;
  chargeId?: string;
  error?: string;
}

/** What a bot answered to an inline query (answerInlineQuery's fields, results as sent). */
export interface InlineAnswer {
  results: Record<string, unknown>[];
  cache_time?: number;
  is_personal?: boolean;
  next_offset?: string;
  button?: Record<string, unknown>;
}

export interface InlineQueryState {
  id: string;
  botId: number;
  userId: number;
  query: string;
  offset: string;
  createdAtMs: number;
  answer: InlineAnswer | null;
  waiters: ((answer: InlineAnswer) => void)[];
}
