import { useState } from 'react';
import { api } from '../api.js';
import type { Payment, PaymentField } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { useAction } from '../ui/useAction.js';
import { FIELD_LABELS, STATE_LABELS, fieldText, formatAmount, reasonText } from './format.js';
import { FINAL_STATES, usePaymentStream } from './usePaymentStream.js';

/**
 * The agent's view of one payment while the customer keys it: which field, how many digits,
 * the network, valid or not, and the last four once the number is valid. The digits themselves
 * never reach this page; the server sends only this masked view.
 */
export function PaymentPanel({ payment, onDone }: { payment: Payment; onDone: () => void }) {
  const { view, connected } = usePaymentStream(payment.id, payment);
  const [outcome, setOutcome] = useState<Payment | null>(null);
  const act = useAction();
  // The answer to a charge or cancel may come before the stream tells the same.
  const shown = outcome && FINAL_STATES.includes(outcome.state) && !FINAL_STATES.includes(view.state) ? outcome : view;
  const live = !FINAL_STATES.includes(shown.state);
  // In the order the customer keys them, whatever order the server's JSON holds them in.
  const fields = (Object.keys(FIELD_LABELS) as PaymentField[]).flatMap((field) => {
    const f = shown.progress.fields[field];
    return f ? [[field, f] as const] : [];
  });

  return (
    <section aria-labelledby="payment-title" className="payment-panel" data-testid="payment-panel">
      <h2 id="payment-title">
        {formatAmount(payment.amountMinor, payment.currency)} · call {payment.callRef}
      </h2>
      <p className={`payment-state payment-state-${shown.state}`} role="status" aria-live="polite" data-testid="payment-state">
        {STATE_LABELS[shown.state]}
        {shown.reason && ` (${reasonText(shown.reason)})`}
      </p>
      {live && !connected && <p className="hint">Connecting to the live view…</p>}
      <dl className="payment-card">
        <dt>Card</dt>
        <dd data-testid="masked-card">{shown.maskedCard ?? '•••• •••• •••• ••••'}</dd>
        <dt>Network</dt>
        <dd data-testid="card-brand">{shown.cardBrand === 'unknown' ? '–' : shown.cardBrand}</dd>
      </dl>
      <ol className="payment-fields">
        {fields.map(([field, f]) => (
          <li key={field} data-testid={`field-${field}`} aria-current={shown.progress.current === field ? 'step' : undefined} className={`payment-field payment-field-${f.status}`}>
            <span className="payment-field-name">{FIELD_LABELS[field]}</span>
            <span className="payment-field-dots" aria-hidden="true">
              {'•'.repeat(f.digits)}
            </span>
            <span className="payment-field-status">{fieldText(f)}</span>
            {(shown.state === 'collecting' || shown.state === 'ready') && (f.status === 'valid' || f.status === 'invalid') && (
              <button type="button" className="link" disabled={act.busy} onClick={() => void act.run(async () => void (await api.reenterPaymentField(payment.id, field)))}>
                Ask again
              </button>
            )}
          </li>
        ))}
      </ol>
      <ErrorNotice error={act.error} />
      {shown.state === 'succeeded' && shown.processorReference && (
        <p className="notice">
          Reference <code data-testid="processor-reference">{shown.processorReference}</code>
        </p>
      )}
      <div className="actions">
        {shown.state === 'ready' && (
          <button type="button" disabled={act.busy} onClick={() => void act.run(async () => setOutcome(await api.chargePayment(payment.id)))}>
            Charge {formatAmount(payment.amountMinor, payment.currency)}
          </button>
        )}
        {(shown.state === 'collecting' || shown.state === 'ready') && (
          <button type="button" className="danger" disabled={act.busy} onClick={() => void act.run(async () => setOutcome(await api.cancelPayment(payment.id)))}>
            Cancel payment
          </button>
        )}
        {!live && (
          <button type="button" onClick={onDone}>
            Take another payment
          </button>
        )}
      </div>
    </section>
  );
}
