/** Object storage for large sealed content (recordings, evidence files). */
export { createLocalObjectStore, storageErrors, type ObjectStore } from './object-store.js';
export { putSealedObject, readSealedObject, sealedObjectInfo, type SealedObjectInfo } from './sealed-object.js';
