import { useState } from 'react';
import { api } from '../api.js';
import { BrandSelect } from '../admin/BrandSelect.js';
import { useBrands } from '../admin/useBrands.js';
import type { Me, Payment } from '../types.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { TextField } from '../ui/TextField.js';
import { useAction } from '../ui/useAction.js';
import { CURRENCIES, toMinor } from './format.js';
import { PaymentPanel } from './PaymentPanel.js';

const TAKERS = new Set(['agent', 'supervisor']);

/**
 * Take a payment: the agent names the call and the amount, asks the customer to key the card on
 * the phone, and follows the masked progress until it is charged. The agent never hears or sees
 * the card number; the call recording is paused while it is keyed.
 */
export function PaymentPage({ me }: { me: Me }) {
  const { brands, error: brandsError } = useBrands();
  const takeable = me.user.isSecurityAdmin ? brands : brands.filter((b) => me.user.assignments.some((a) => a.brandId === b.id && TAKERS.has(a.role)));
  const [brandId, setBrandId] = useState('');
  const [callRef, setCallRef] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<string>('USD');
  const [description, setDescription] = useState('');
  const [payment, setPayment] = useState<Payment | null>(null);
  const act = useAction();
  const brand = brandId || takeable[0]?.id || '';

  if (payment) return <PaymentPanel key={payment.id} payment={payment} onDone={() => setPayment(null)} />;

  return (
    <section aria-labelledby="take-payment-title">
      <h1 id="take-payment-title">Take a payment</h1>
      <p className="hint">Ask the customer to key the card on their phone keypad. You will see the progress, never the number.</p>
      <ErrorNotice error={brandsError ?? act.error} />
      <form
        className="stack-form"
        onSubmit={(e) => {
          e.preventDefault();
          const amountMinor = toMinor(amount);
          if (amountMinor === null) return act.setError(new Error('Enter the amount as a number, like 49.99.'));
          void act.run(async () => setPayment(await api.createPayment({ brandId: brand, callRef: callRef.trim(), amountMinor, currency, description: description.trim() })));
        }}
      >
        {takeable.length > 1 && <BrandSelect brands={takeable} value={brand} onChange={setBrandId} />}
        <TextField label="Call reference" value={callRef} onChange={setCallRef} required maxLength={200} hint="The call id your telephony platform shows for this call." />
        <TextField label="Amount" value={amount} onChange={setAmount} required inputMode="decimal" placeholder="49.99" />
        <div className="field">
          <label htmlFor="payment-currency">Currency</label>
          <select id="payment-currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <TextField label="Description" value={description} onChange={setDescription} required maxLength={200} />
        <button type="submit" disabled={act.busy || !brand}>
          Start keypad payment
        </button>
      </form>
    </section>
  );
}
