// WAL checkpoints stall writes, so after a write one is scheduled for when scanning pauses (two quiet seconds)
// rather than run in the middle of a verdict. Used by the composition root (uketsuke.ts) after every write method.
import { checkpointWal, type Db } from '../../db/open.js';

export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db) {}

  soon(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.db.open) checkpointWal(this.db);
    }, 2000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
