import { errorCodes } from '../errors.js';

export const paymentErrors = errorCodes('payment', {
  not_found: ['not_found', 'Payment session not found'],
  no_live_session: ['not_found', 'No payment is being taken on this call'],
  call_busy: ['conflict', 'A payment is already being taken on this call'],
  not_live: ['conflict', 'The payment session has ended'],
  not_ready: ['conflict', 'The payment session is not ready to be charged: every field must be keyed and valid'],
  bad_move: ['conflict', 'This step does not apply to the payment session in its current state'],
  replayed: ['conflict', 'This keypress message was already received'],
  bad_signature: ['unauthenticated', 'The keypress message is not signed with the brand payment secret, or its timestamp is outside the accepted window'],
  signing_not_configured: ['conflict', 'The brand has no payment signing secret yet: an admin creates one first'],
  holder_unavailable: ['unavailable', 'The server holding this payment session is not answering; the session will be failed and can be started again'],
  ssrc_taken: ['conflict', 'This RTP stream (SSRC) is bound to another call'],
  websocket_required: ['invalid_input', 'This route is a WebSocket: connect with an Upgrade request and send binary audio frames'],
  invalid_input: ['invalid_input', 'Invalid payment input'],
});
