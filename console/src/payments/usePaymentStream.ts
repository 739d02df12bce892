import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { PaymentState, PaymentView } from '../types.js';

export const FINAL_STATES: readonly PaymentState[] = ['succeeded', 'declined', 'failed', 'cancelled', 'expired'];

/**
 * Follows a payment's masked view over Server-Sent Events. The browser reconnects by itself after
 * a drop (the server starts every stream with the current view); once the payment has ended the
 * stream is closed here so it is not reopened.
 */
export function usePaymentStream(paymentId: string, initial: PaymentView): { view: PaymentView; connected: boolean } {
  const [view, setView] = useState(initial);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (FINAL_STATES.includes(initial.state)) return;
    const source = new EventSource(api.paymentStreamUrl(paymentId), { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('progress', (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as PaymentView;
      setView(next);
      if (FINAL_STATES.includes(next.state)) {
        source.close();
        setConnected(false);
      }
    });
    return () => source.close();
  }, [paymentId, initial.state]);
  return { view, connected };
}
