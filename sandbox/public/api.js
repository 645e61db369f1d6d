// The emulator's control API (/sandbox/api/*) and its Server-Sent Events stream.

/** A failed control API call, with the emulator's own error text. */
export class ApiError extends Error {
  constructor(message, status, path) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.path = path;
  }
}

async function request(method, path, body) {
  let response;
  try {
    response = await fetch(`/sandbox/api/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(`the sandbox is not reachable (${error.message})`, 0, path);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok || !data || data.ok === false) {
    const text = data?.error ?? data?.description ?? `HTTP ${response.status}`;
    throw new ApiError(text, response.status, path);
  }
  return data.result;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body ?? {}),
};

/**
 * Subscribes to `GET /sandbox/api/events`. EventSource reconnects by itself; `onStatus` hears
 * 'live' / 'reconnecting' so the page can show it and reload what it may have missed.
 */
export function subscribe(handlers, onStatus) {
  const source = new EventSource('/sandbox/api/events');
  source.addEventListener('open', () => onStatus('live'));
  source.addEventListener('error', () => onStatus('reconnecting'));
  for (const [name, handle] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      handle(data);
    });
  }
  return () => source.close();
}
