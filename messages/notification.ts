import type { Tx } from '../models/db.js';
import type { ScheduleJob } from '../models/platform/schedule-job.js';
import { orderManagerAccounts } from '../models/workspaces/queries.js';

export const notificationJob = 'notifications.send';

/** Values interpolated into a locale message. */
export type NotificationVars = Record<string, string | number>;

/** An inline button: label from the locales (`key`), and a URL or callback data. */
export interface NotificationButton {
  key: string;
  vars?: NotificationVars;
  url?: string;
  data?: string;
}

/** Who is told what: a locale key (prefixes publish-, verify-, settle-, notify-) and its values. */
export type Notification = ({ accountId: string } | { telegramId: number }) & {
  key: string;
  vars?: NotificationVars;
  /** Rows of buttons under the message. */
  buttons?: NotificationButton[][];
  /** Platform time to send at; omitted ⇒ as soon as possible. */
  at?: Date;
};

/** "As soon as possible": a due time already past for any clock, so the job runs on the next poll. */
export const asSoonAsPossible = new Date(0);

/**
 * Queues one `notifications.send` job (rendered in the recipient's language when it runs), so a
 * failing chat never blocks the caller: publishing, verification and settlement only enqueue.
 */
export async function enqueueNotification(
  schedule: ScheduleJob,
  notification: Notification,
): Promise<void> {
  const { at, ...data } = notification;
  await schedule(notificationJob, { ...data, attempt: 0 }, at ?? asSoonAsPossible);
}

/** The workspace's owner and managers, each told `key` with `vars`. */
export async function toOwners(
  tx: Tx,
  workspaceId: string,
  key: string,
  vars: NotificationVars,
): Promise<Notification[]> {
  return (await orderManagerAccounts(tx, workspaceId)).map((accountId) => ({
    accountId,
    key,
    vars,
  }));
}
