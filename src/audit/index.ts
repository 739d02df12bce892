/**
 * Tamper-evident audit trail: per-brand hash chains, signed RFC 9162 Merkle checkpoints,
 * verification, export and SIEM forwarding.
 *
 *   const audit = createAuditLog({ vault, checkpointEvery: config.auditCheckpointEvery });
 *   await db.transaction(async (tx) => { ...change...; await audit.append(tx, event) });
 *   await authorize({ db, audit }, principal, 'user.manage', brandId, { action: 'user.create' });
 */
export type { Actor, AuditEventInput, AuditLog, Outcome } from './types.js';
export { createAuditLog, chainIdOf, INSTALLATION_CHAIN, type AuditLogOptions, type ChainedAuditLog } from './log.js';
export { authorize, eventContext, recordAlone } from './authorize.js';
export { createGroupCommit, type GroupCommit } from './group-commit.js';
export { createAuditService, type AuditService, type ConsistencyProofView, type EventFilter, type InclusionProofView, type SignedTreeHead } from './service.js';
export { verifyChain, verifyChains, type Problem, type ProblemKind, type VerifyReport } from './verify.js';
export { formatCef, formatEvent, formatJsonl, formatSyslog, toView, type AuditEventView, type ExportFormat } from './formats.js';
export { forwardPending, openSyslogSender, parseSyslogUrl, type SyslogSender, type SyslogTarget } from './forwarder.js';
export { consistencyProof, frontierRoot, inclusionProof, leafHash, merkleRoot, verifyConsistency, verifyInclusion } from './merkle.js';
export { canonicalJson } from './canonical.js';
/** Reading the trail in order, for consumers that follow it (SIEM forwarding, detection). */
export { allChainIds, eventsAfter, eventSummariesAfter, type EventSummary, type StoredEvent } from './chain-store.js';
