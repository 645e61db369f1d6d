import type { Translate } from '../../../messages/i18n.js';
import type { ButtonCode } from '../../../models/creatives/buttons.js';
import type { ContentCode } from '../../../models/creatives/content.js';
import { assertNever } from '../../../models/errors.js';

type Detail = Record<string, unknown> | undefined;

/** Why a message can't be the creative. */
export function contentErrorText(t: Translate, code: ContentCode, detail: Detail): string {
  switch (code) {
    case 'unsupported':
      return t('creative-error-unsupported');
    case 'empty':
      return t('creative-error-empty');
    case 'album_too_large':
      return t('creative-error-album-too-large', { max: Number(detail?.max ?? 10) });
    default:
      return assertNever(code);
  }
}

/** Why a typed button was refused. */
export function buttonErrorText(
  t: Translate,
  code: Exclude<ButtonCode, 'no_url'>,
  detail: Detail,
): string {
  switch (code) {
    case 'url_invalid':
      return t('creative-error-url-invalid');
    case 'url_scheme':
      return t('creative-error-url-scheme', { scheme: String(detail?.scheme ?? '') });
    case 'label_empty':
      return t('creative-error-label-empty');
    case 'label_too_long':
      return t('creative-error-label-too-long', {
        length: Number(detail?.length ?? 0),
        max: Number(detail?.max ?? 64),
      });
    default:
      return assertNever(code);
  }
}

/** A post that is too long (with the marking line when there is one): how much to cut. */
export function tooLongText(t: Translate, detail: Detail, marked: boolean): string {
  const values = {
    length: Number(detail?.length ?? 0),
    max: Number(detail?.max ?? 0),
    over: Number(detail?.over ?? 0),
  };
  return marked
    ? t('creative-error-too-long-marked', values)
    : t('creative-error-too-long-plain', values);
}

/** A channel's stop word or blocked domain matched. */
export function refusedText(t: Translate, detail: Detail): string {
  const channel = String(detail?.channel ?? '');
  if (detail?.code === 'blocked_domain') {
    return t('creative-error-blocked-domain', {
      domain: String(detail.domain ?? ''),
      channel,
    });
  }
  return t('creative-error-stop-word', { word: String(detail?.word ?? ''), channel });
}
