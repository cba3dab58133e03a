// A consistent copy of the embedded database. The running server owns its PGlite instance (one
// process only, decision 0006), so a live backup is taken from that instance: inside a transaction,
// which holds PGlite's transaction lock, so no other transaction is half-done while the files are
// read; a checkpoint first writes every committed change into the data files.
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../../db/connect.js';

export async function snapshotLive(pglite: PGlite): Promise<Uint8Array> {
  const dump = await pglite.transaction(async (tx) => {
    await tx.query('checkpoint');
    // dumpDataDir takes only the query lock, which is free between this transaction's statements
    return pglite.dumpDataDir('none');
  });
  return new Uint8Array(await dump.arrayBuffer());
}

/** The same, for a data folder no server is using (the CLI with the server stopped). */
export async function snapshotStopped(pgdataDir: string): Promise<Uint8Array> {
  const pglite = await openPglite(pgdataDir);
  try {
    return await snapshotLive(pglite);
  } finally {
    await pglite.close();
  }
}
