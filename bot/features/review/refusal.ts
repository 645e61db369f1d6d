import type { DecideReviewCode } from '../../../models/review/decide-review.js';

/** The locale key telling a reviewer why their decision was refused (vars: min, max). */
export function reviewRefusalKey(code: DecideReviewCode): string {
  switch (code) {
    case 'already_decided':
      return 'review-already-decided';
    case 'forbidden':
      return 'review-forbidden';
    case 'deadline_passed':
      return 'review-deadline-passed';
    case 'reason_invalid':
      return 'review-reason-invalid';
    case 'not_found':
      return 'review-not-found';
  }
}
