import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatView, messageView } from './views.js';
import type { ChatState, StoredMessage, World } from './world.js';

/** Server-Sent Events: message (new/edit/delete), callback_answer, inline_answer, payment, member. */
export function streamEvents(world: World, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const send = (event: string, data: unknown): void => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const onMessage = (e: { kind: string; chat: ChatState; stored: StoredMessage }): void =>
    send('message', {
      kind: e.kind,
      chat: chatView(world, e.chat),
      message: messageView(e.stored),
    });
  const onAnswer = (e: {
    query: { id: string; chatKey: string; messageId: number; userId: number };
    answer: unknown;
  }): void =>
    send('callback_answer', {
      queryId: e.query.id,
      chatKey: e.query.chatKey,
      messageId: e.query.messageId,
      userId: e.query.userId,
      answer: e.answer,
    });
  const onPayment = (e: unknown): void => send('payment', e);
  const onInline = (e: { query: { id: string; userId: number; query: string }; answer: unknown }) =>
    send('inline_answer', {
      queryId: e.query.id,
      userId: e.query.userId,
      query: e.query.query,
      answer: e.answer,
    });
  const onMember = (e: { chat: ChatState; userId: number; status: string }): void =>
    send('member', { chat: chatView(world, e.chat), userId: e.userId, status: e.status });
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  const stop = (): void => {
    clearInterval(ping);
    world.events.off('message', onMessage);
    world.events.off('callback_answer', onAnswer);
    world.events.off('payment', onPayment);
    world.events.off('inline_answer', onInline);
    world.events.off('member', onMember);
    world.events.off('close', end);
  };
  const end = (): void => {
    stop();
    res.end();
  };
  world.events.on('message', onMessage);
  world.events.on('callback_answer', onAnswer);
  world.events.on('payment', onPayment);
  world.events.on('inline_answer', onInline);
  world.events.on('member', onMember);
  world.events.on('close', end);
  req.on('close', stop);
}
