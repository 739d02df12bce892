import nodemailer from 'nodemailer';
import type { NotifySettings } from '../config.js';

/** What is sent: ids, deadlines and links only — never customer data or free text people typed. */
export interface Notification {
  event: 'incident.opened' | 'incident.reminder' | 'incident.overdue';
  incidentId: string;
  number: number;
  subject: string;
  text: string;
  data: Record<string, string | number | null>;
}

export interface SendResult {
  /** Channels that took the message. */
  sent: string[];
  /** Channels configured that failed (codes only). */
  failed: string[];
}

export interface Notifier {
  /** Names of the configured channels ('webhook', 'email'); empty: none. */
  readonly channels: readonly string[];
  send(n: Notification): Promise<SendResult>;
  close(): void;
}

const WEBHOOK_TIMEOUT_MS = 5000;

/**
 * The notification channel for incidents: a webhook (JSON POST, for chat and paging tools) and
 * e-mail through an SMTP server, each if configured. A failing channel does not stop the other.
 */
export function createNotifier(settings: NotifySettings): Notifier {
  const channels: string[] = [];
  if (settings.webhookUrl) channels.push('webhook');
  const mail = settings.smtpUrl && settings.emailTo.length > 0 ? nodemailer.createTransport(settings.smtpUrl) : null;
  if (mail) channels.push('email');

  return {
    channels,
    async send(n) {
      const result: SendResult = { sent: [], failed: [] };
      if (settings.webhookUrl) {
        try {
          const res = await fetch(settings.webhookUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ event: n.event, incidentId: n.incidentId, number: n.number, subject: n.subject, text: n.text, ...n.data }),
            signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
          });
          (res.ok ? result.sent : result.failed).push('webhook');
        } catch {
          result.failed.push('webhook');
        }
      }
      if (mail) {
        try {
          await mail.sendMail({ from: settings.emailFrom, to: settings.emailTo, subject: n.subject, text: n.text });
          result.sent.push('email');
        } catch {
          result.failed.push('email');
        }
      }
      return result;
    },
    close() {
      mail?.close();
    },
  };
}
