import { badRequest, TelegramApiError } from './errors.js';
import type { FloodControl } from './flood.js';
import { botMethods } from './methods/bot-methods.js';
import { callbackMethods } from './methods/callback-methods.js';
import { chatMethods } from './methods/chat-methods.js';
import type { MethodHandler } from './methods/context.js';
import { copyMethods } from './methods/copy-methods.js';
import { editMethods } from './methods/edit-methods.js';
import { inlineMethods } from './methods/inline-methods.js';
import { inviteMethods } from './methods/invite-methods.js';
import { paymentMethods } from './methods/payment-methods.js';
import { pinMethods } from './methods/pin-methods.js';
import { profileMethods } from './methods/profile-methods.js';
import { sendMethods } from './methods/send-methods.js';
import type { CompactSpec } from './spec/derive-spec.js';
import { tooManyRequests } from './errors.js';
import { refuseLocalButtonLinks } from './links.js';
import { compileValidators, type MethodValidator, type UploadedFile } from './validation.js';
import type { BotState, World } from './world.js';

export type Envelope =
  | { ok: true; result: unknown }
  | {
      ok: false;
      error_code: number;
      description: string;
      parameters?: { retry_after?: number; migrate_to_chat_id?: number };
    };

export interface ApiCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
  files: Map<string, UploadedFile>;
  form: boolean;
  signal: AbortSignal;
}

export interface BotApi {
  /** Runs one Bot API call and answers Telegram's envelope plus the HTTP status to use. */
  call(request: ApiCall): Promise<{ status: number; body: Envelope }>;
}

const envelopeOf = (error: TelegramApiError): Envelope => {
  const body: Envelope = { ok: false, error_code: error.errorCode, description: error.description };
  if (error.parameters) body.parameters = error.parameters;
  return body;
};

/** Builds the dispatcher: validators compiled once, handlers looked up by case-insensitive name. */
export function createBotApi(deps: {
  world: World;
  spec: CompactSpec;
  extraMethods: Record<string, MethodHandler>;
  flood: FloodControl | null;
  /** Accept URL buttons to localhost and private addresses (the sandbox); Telegram refuses them. */
  allowLocalLinks: boolean;
  onError: (error: unknown, method: string) => void;
}): BotApi {
  const validators: Map<string, MethodValidator> = compileValidators(deps.spec);
  const handlers: Record<string, MethodHandler> = {
    ...botMethods,
    ...sendMethods,
    ...editMethods,
    ...copyMethods,
    ...pinMethods,
    ...chatMethods,
    ...inviteMethods,
    ...profileMethods,
    ...callbackMethods,
    ...inlineMethods,
    ...paymentMethods,
    ...deps.extraMethods,
  };
  const canonical = new Map<string, string>();
  const fieldNames = new Map<string, Set<string>>();
  for (const [name, method] of Object.entries(deps.spec.methods)) {
    canonical.set(name.toLowerCase(), name);
    fieldNames.set(name, new Set(method.fields.map((f) => f.name)));
  }

  const run = async (request: ApiCall, bot: BotState, method: string): Promise<unknown> => {
    const forced = bot.forcedErrors.get(method);
    if (forced && forced.count > 0) {
      forced.count--;
      throw tooManyRequests(forced.retryAfter);
    }
    const fields = fieldNames.get(method) ?? new Set<string>();
    const params = { ...request.params };
    for (const [name, file] of request.files) if (fields.has(name)) params[name] = { upload: file };
    const validated =
      validators.get(method)?.(params, { form: request.form, files: request.files }) ?? {};
    const handler = handlers[method];
    if (!handler) throw badRequest('method is not supported by the sandbox');
    deps.flood?.check(bot, method, validated.chat_id);
    if (!deps.allowLocalLinks) refuseLocalButtonLinks(validated.reply_markup);
    return handler({
      world: deps.world,
      bot,
      params: validated,
      files: request.files,
      signal: request.signal,
    });
  };

  return {
    async call(request) {
      const bot = deps.world.botsByToken.get(request.token);
      if (!bot)
        return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
      const method = canonical.get(request.method.toLowerCase());
      if (!method)
        return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
      try {
        const result = await run(request, bot, method);
        return { status: 200, body: { ok: true, result } };
      } catch (error) {
        if (error instanceof TelegramApiError)
          return { status: error.errorCode, body: envelopeOf(error) };
        deps.onError(error, method);
        return {
          status: 500,
          body: { ok: false, error_code: 500, description: 'Internal Server Error' },
        };
      }
    },
  };
}
