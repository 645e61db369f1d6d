type Json = Record<string, unknown>;

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The fake's stand-in for YooKassa's payment page: the payment, and «Pay» / «Cancel» while pending. */
export function payPageHtml(payment: Json, returnUrl: string | undefined): string {
  const amount = payment.amount as { value: string; currency: string };
  const id = escape(String(payment.id));
  const description = escape(typeof payment.description === 'string' ? payment.description : '');
  const pending = payment.status === 'pending';
  const back = returnUrl ? `<p><a href="${escape(returnUrl)}">Back to the shop</a></p>` : '';
  const actions = pending
    ? `<form method="post" action="/checkout/payments/${id}/pay"><button>Pay ${escape(amount.value)} ${escape(amount.currency)}</button></form>
<form method="post" action="/checkout/payments/${id}/cancel"><button>Cancel</button></form>`
    : `<p>Payment ${escape(String(payment.status))}.</p>${back}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>YooKassa (sandbox)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1rem;margin:.25rem 0}</style>
</head><body>
<h1>YooKassa — test payment</h1>
<p>${description}</p>
<p><b>${escape(amount.value)} ${escape(amount.currency)}</b></p>
${actions}
<p><small>Local fake: no real money moves.</small></p>
</body></html>`;
}
