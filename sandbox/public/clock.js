// The test clock in the header: platform time, and buttons that move it forward.
import { api } from './api.js';
import { byId } from './dom.js';
import { attempt, toast } from './notify.js';

const shown = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

function describeOffset(minutes) {
  if (minutes === 0) return 'real time';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`];
  return `+${parts.filter(Boolean).join(' ')} ahead`;
}

/**
 * Shows the clock when `GET /sandbox/api/clock` exists (404 = the test clock is off: stays hidden).
 * Platform time runs on between polls from the last answer.
 */
export async function startClock() {
  let base = null; // { platformMs, atMs }
  const render = () => {
    if (!base) return;
    const now = base.platformMs + (performance.now() - base.atMs);
    byId('clock-now').textContent = `${shown.format(new Date(now))} UTC`;
  };
  const apply = (result) => {
    base = { platformMs: Date.parse(result.now), atMs: performance.now() };
    byId('clock-offset').textContent = describeOffset(result.offsetMinutes);
    render();
  };
  const load = async () => {
    try {
      apply(await api.get('clock'));
      return true;
    } catch (error) {
      if (error.status !== 404) throw error;
      byId('clock').hidden = true;
      return false;
    }
  };
  if (!(await attempt(load))) return;
  byId('clock').hidden = false;
  setInterval(render, 1000);
  setInterval(() => void attempt(load), 30_000);
  for (const button of byId('clock').querySelectorAll('button[data-minutes]')) {
    button.addEventListener('click', async () => {
      const minutes = Number(button.dataset.minutes);
      button.disabled = true;
      const result = await attempt(() => api.post('clock/advance', { minutes }));
      button.disabled = false;
      if (!result) return;
      apply(result);
      toast(`Clock moved ${button.textContent.trim()}`);
    });
  }
}
