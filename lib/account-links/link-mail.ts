import { renderMail } from '@/lib/mail/render-mail';
import type { OutgoingMail } from '@/lib/mail/send-mail';
import { USER_TOKEN_TTL_SECONDS } from './user-tokens';

/**
 * The emails of the account links. Each says what the link does, how long it works and
 * what to do if the person did not ask for it (OWASP Forgot Password Cheat Sheet).
 */

const RESET_MINUTES = USER_TOKEN_TTL_SECONDS.password_reset / 60;
const INVITATION_DAYS = USER_TOKEN_TTL_SECONDS.invitation / 86_400;

export function passwordResetMail(to: string, link: string): OutgoingMail {
  return {
    to,
    template: 'password_reset',
    subject: 'Reset your password',
    ...renderMail({
      heading: 'Reset your password',
      paragraphs: [
        `Someone asked to reset the password of the account ${to}. Choose a new one with the link below. It works once, for ${RESET_MINUTES} minutes.`,
        'If it was not you, ignore this email: your password stays as it is.',
      ],
      action: { label: 'Choose a new password', url: link },
      footer: 'Only the newest link you were sent works.',
    }),
  };
}

export function invitationMail(to: string, link: string, name: string): OutgoingMail {
  return {
    to,
    template: 'invitation',
    subject: 'You have been invited: set your password',
    ...renderMail({
      heading: name ? `Welcome, ${name}` : 'Welcome',
      paragraphs: [
        `An administrator created an account for ${to}. Choose your password with the link below to start using it. The link works once, for ${INVITATION_DAYS} days.`,
        'If you did not expect this, ignore this email.',
      ],
      action: { label: 'Set your password', url: link },
    }),
  };
}

/** Sent after a reset, so a reset the person did not make does not go unnoticed. */
export function passwordChangedMail(to: string): OutgoingMail {
  return {
    to,
    template: 'password_changed',
    subject: 'Your password was changed',
    ...renderMail({
      heading: 'Your password was changed',
      paragraphs: [
        `The password of the account ${to} was just reset with an emailed link, and every session was signed out.`,
        'If that was not you, reset it again at once and tell your administrator.',
      ],
    }),
  };
}
