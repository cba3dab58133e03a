import type { Db } from '../../db/connect.js';
import { getHead, streamChain } from '../../db/repositories/audit.repository.js';
import { hashEvent } from './audit-hash.js';

export interface ChainProblem {
  seq: number;
  problem: 'hash_mismatch' | 'broken_link' | 'gap' | 'head_mismatch';
}

export interface ChainReport {
  organizationId: string;
  events: number;
  ok: boolean;
  problems: ChainProblem[];
}

/** Walks the chain: recomputes each hash, checks each link and sequence, and compares the head. */
export async function verifyAuditChain(db: Db, organizationId: string): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let prevHash = 'genesis';
  let expectedSeq = 1;
  let events = 0;
  for await (const e of streamChain(db, organizationId)) {
    events++;
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: 'gap' });
    if (e.prev_hash !== prevHash) problems.push({ seq: e.seq, problem: 'broken_link' });
    const { hash, ...rest } = e;
    if (hashEvent(rest) !== hash) problems.push({ seq: e.seq, problem: 'hash_mismatch' });
    prevHash = hash;
    expectedSeq = e.seq + 1;
  }
  const head = await getHead(db, organizationId);
  if (head && (head.last_seq !== expectedSeq - 1 || head.last_hash !== prevHash)) {
    problems.push({ seq: head.last_seq, problem: 'head_mismatch' });
  }
  return { organizationId, events, ok: problems.length === 0, problems };
}
