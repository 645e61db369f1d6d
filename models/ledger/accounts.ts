/** The platform's share of settled orders. */
export const platformFeesAccount = 'platform:fees';
/** What the platform owes a workspace (its owners' earnings; in debit = a receivable). */
export const ownerAccount = (workspaceId: string) => `owner:${workspaceId}`;
/** An advertiser's credit with the platform (their balance). */
export const advertiserAccount = (accountId: string) => `advertiser:${accountId}`;
