import { errorCodes } from '../errors.js';

export const vendorErrors = errorCodes('vendor', {
  not_found: ['not_found', 'Vendor not found'],
  forbidden: ['forbidden', 'Changing vendors takes vendor.manage (security administrators)'],
  name_taken: ['conflict', 'A vendor with this name already exists'],
  revoked: ['conflict', 'The vendor is revoked: its access cannot change any more'],
  brand_not_found: ['invalid_input', 'brands: no such brand'],
  api_key_not_found: ['invalid_input', 'apiKeyId: no such API key'],
  api_key_foreign: ['invalid_input', 'apiKeyId: the key belongs to a brand this vendor does not touch'],
  api_key_taken: ['conflict', 'The API key is already linked to another vendor'],
  user_not_found: ['invalid_input', 'userId: no such user'],
  user_foreign: ['invalid_input', 'userId: the user holds no role on a brand this vendor touches'],
  user_taken: ['conflict', 'The user is already linked to another vendor'],
  self_link: ['invalid_input', 'You cannot revoke a vendor your own account is linked to'],
  certification_not_found: ['not_found', 'Certification not found'],
  bad_dates: ['invalid_input', 'expiresOn must be after issuedOn'],
  evidence_not_found: ['not_found', 'Evidence file not found'],
  bad_upload: ['invalid_input', 'Send the evidence as multipart/form-data: optional certificationId field, then one file part named "file"'],
  bad_file_type: ['invalid_input', 'Evidence files are PDF, PNG, JPEG, plain text, CSV, JSON or ZIP'],
  too_large: ['payload_too_large', 'The evidence file is too large'],
  empty_file: ['invalid_input', 'The evidence file is empty'],
});
