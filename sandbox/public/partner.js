// The «Partner API» section: test keys for the person you act as, and their webhooks' inbox.
import { api } from './api.js';
import { byId, h, replace, safeUrl } from './dom.js';
import { attempt, toast } from './notify.js';
import { state } from './state.js';

const pollMs = 2000;
const clockTime = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

/** What the section shows for `state.me`: the server's status and the key made last. */
const view = { userId: null, status: null, created: null, webhook: null };

const link = (url, text) => {
  const href = safeUrl(url);
  return href ? h('a', { href, target: '_blank', rel: 'noopener' }, text) : text;
};

function copyButton(text, label) {
  return h(
    'button',
    {
      type: 'button',
      'aria-label': label,
      onclick: () =>
        navigator.clipboard.writeText(text).then(
          () => toast('Copied', 'ok'),
          () => toast('Copying is not allowed here: select the text instead', 'error'),
        ),
    },
    'Copy',
  );
}

/** Does the inbox below already get this owner's webhooks (registered here or before)? */
const hasInbox = (scope) => view.webhook?.scope === scope || !!view.status?.webhooks?.[scope];

function keyPanel(created) {
  const owner = created.scope === 'workspace' ? 'your workspace' : 'your advertiser account';
  return h(
    'div',
    { class: 'partner-key', role: 'group', 'aria-label': 'New API key' },
    h('p', {}, `A key for ${owner} — shown once, copy it now:`),
    h('code', { class: 'partner-secret', 'aria-label': 'API key' }, created.key),
    h('pre', { 'aria-label': 'Try it with curl' }, created.curl),
    h(
      'div',
      { class: 'actions' },
      copyButton(created.curl, 'Copy the curl line'),
      link(created.docsUrl, '/v1/docs'),
      link(created.openapiUrl, '/v1/openapi.json'),
    ),
    created.httpUrl ? null : h('p', { class: 'hint' }, 'The HTTP app is not running (ROLES).'),
    hasInbox(created.scope)
      ? h('p', { class: 'hint' }, `Webhooks of ${owner} arrive in the inbox below.`)
      : h(
          'button',
          { type: 'button', onclick: () => void registerWebhooks(created.scope) },
          'Send webhooks to this page',
        ),
  );
}

function renderControls() {
  const box = byId('partner-controls');
  if (view.userId === null) {
    replace(box, h('p', { class: 'hint' }, 'Pick who you are first.'));
    return;
  }
  const pro = view.status?.workspace?.plan === 'pro';
  replace(
    box,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', onclick: () => void createKey('account') },
        'Create a test key',
      ),
      pro
        ? h(
            'button',
            { type: 'button', onclick: () => void createKey('workspace') },
            'Create a workspace key',
          )
        : null,
    ),
    pro
      ? null
      : h('p', { class: 'hint' }, 'Owner (workspace) keys need Pro: send /plan to the bot.'),
    view.created ? keyPanel(view.created) : null,
  );
}

function renderInbox(deliveries) {
  const list = byId('partner-inbox');
  if (deliveries.length === 0) {
    replace(list, h('li', { class: 'hint' }, 'No webhooks received yet.'));
    return;
  }
  const open = new Set(
    [...list.querySelectorAll('details[open]')].map((el) => el.dataset.seq ?? ''),
  );
  replace(
    list,
    deliveries.map((d) => {
      let raw = d.body;
      try {
        raw = JSON.stringify(JSON.parse(d.body), null, 2);
      } catch {
        // Not JSON: shown as received.
      }
      return h(
        'li',
        {},
        h(
          'details',
          { dataset: { seq: String(d.seq) }, open: open.has(String(d.seq)) },
          h(
            'summary',
            {},
            `${clockTime.format(new Date(d.receivedAt))} · ${d.eventType ?? '?'} · `,
            h('span', { class: 'partner-order' }, d.orderId ?? 'no order'),
            ' · ',
            h(
              'span',
              { class: d.verified ? 'partner-ok' : 'partner-bad' },
              `signature ${d.verified ? '✓' : '✗'}`,
            ),
          ),
          h('pre', { 'aria-label': 'Raw JSON' }, raw),
        ),
      );
    }),
  );
}

async function createKey(scope) {
  const created = await attempt(() => api.post('partner/keys', { userId: view.userId, scope }));
  if (!created) return;
  view.created = created;
  renderControls();
}

async function registerWebhooks(scope) {
  const made = await attempt(() => api.post('partner/webhooks', { userId: view.userId, scope }));
  if (!made) return;
  view.webhook = made;
  toast('Webhooks now arrive here', 'ok');
  renderControls();
}

async function refresh() {
  if (!byId('partner').open) return;
  if (view.userId !== state.me) {
    Object.assign(view, { userId: state.me, status: null, created: null, webhook: null });
    renderControls();
    if (state.me !== null) {
      view.status = await attempt(() => api.get(`partner/status?user=${state.me}`));
      renderControls();
    }
  }
  if (view.userId === null) return renderInbox([]);
  const deliveries = await attempt(() => api.get(`partner/inbox?user=${view.userId}`));
  if (deliveries) renderInbox(deliveries);
}

/** Wires the section: it follows the person you act as and polls the inbox while it is open. */
export function startPartner() {
  byId('partner').addEventListener('toggle', () => void refresh());
  byId('users').addEventListener('change', () => setTimeout(() => void refresh()));
  setInterval(() => void refresh(), pollMs);
}
