/** start:menu — «‹ Back» to the role menu (the advertiser screen, the advertiser's balance). */
export const startMenuData = 'start:menu';

/** start:adv — opens the advertiser screen (the catalog's and the balance's «‹ Back»). */
export const advertiserScreenData = 'start:adv';
