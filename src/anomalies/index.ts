/**
 * Unusual-access detection in the server: the detector (src/detection) fed continuously from the
 * audit trail under a lease, alerts stored and shown to security admins and auditors.
 */
export { createDetectionMonitor, type DetectionMonitor, type MonitorOptions, type ScanResult } from './monitor.js';
export { createAlertService, alertErrors, type AlertService, type AlertFilter } from './service.js';
export { ALERT_STATUSES, alertsOfActor, findAlert, setAlertStatus, upsertAlerts, type AlertStatus, type StoredAlert } from './alerts-data.js';
export { alertRoutes, AlertId, AlertOut } from './routes.js';
export { loadDirectory } from './directory-source.js';
