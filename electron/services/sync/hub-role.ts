// This device's part in the venue's sync: the hub itself ("Make this laptop the hub"), a station paired with a hub
// (joining one), or neither yet. Owns the hub's lifecycle and the shell's hooks for it: the shell that can run a hub
// server or open another event file sets them (cli/, shell/); the Api's venue wing (methods/venue.ts) calls here.
import type { HubDeviceInfo } from '../../api/sync-protocol.js';
import type { SyncStatus } from '../../api/contract.js';
import { ServiceError, type Core } from '../core.js';
import type { Hub, HubIdentity } from './hub.js';
import { StationSync, readHubLink, type HubTransport, type SyncOptions } from './station-sync.js';

export type HubJoiner = (code: string, name: string) => Promise<{ eventId: string; delegates: number }>;

export class HubRole {
  private stationSync: StationSync | null = null;
  /** Set by the shell that can run the hub server in this process. */
  private hubStarter: (() => Promise<HubIdentity>) | null = null;
  /** Set by a shell that can open another event file: joining a hub loads its event into a new file. */
  private hubJoiner: HubJoiner | null = null;
  private hubRunning = false;

  constructor(
    private readonly core: Core,
    private readonly hub: Hub,
  ) {}

  /** Where this file's hub listens (written by the hub process at start; read by `pairing-code` too). */
  hubIdentity(): HubIdentity | null {
    return this.core.device.hubIdentity();
  }

  setHubIdentity(identity: HubIdentity | null): void {
    this.core.device.setHubIdentity(identity);
  }

  /** This device relays for the venue, or is paired with a hub: either way it belongs to one event. */
  partOfHub(): boolean {
    return this.hubRunning || readHubLink(this.core) !== null;
  }

  setHubJoiner(join: HubJoiner): void {
    this.hubJoiner = join;
  }

  /** "Join a hub": this station pairs with a hub and switches to the hub's event (the current file is kept). */
  joinHub(code: string, name: string): Promise<{ eventId: string; delegates: number }> {
    if (this.hubRunning) throw new ServiceError('conflict', 'This laptop is the hub; it cannot join another hub.', { key: 'hub_cannot_join', values: {} });
    if (readHubLink(this.core) && !readHubLink(this.core)!.loading) throw new ServiceError('conflict', 'This station is already paired with a hub.', { key: 'already_paired', values: {} });
    if (!this.hubJoiner) throw new ServiceError('conflict', 'Joining a hub is done from the command line here: uketsuke pair --db FILE --code CODE.', { key: 'join_from_cli', values: {} });
    return this.hubJoiner(code, name);
  }

  setHubStarter(start: () => Promise<HubIdentity>): void {
    this.hubStarter = start;
  }

  /** The hub server of this process is up (at the given addresses). */
  hubStarted(identity: HubIdentity): void {
    this.hubRunning = true;
    this.setHubIdentity(identity);
  }

  /** "Make this laptop the hub": the desk laptop starts relaying for the venue's stations. */
  async startHub(): Promise<SyncStatus> {
    if (this.hubRunning) return this.syncStatus();
    if (readHubLink(this.core)) throw new ServiceError('conflict', 'This station is paired with a hub; it cannot be a hub itself.', { key: 'paired_cannot_be_hub', values: {} });
    if (!this.hubStarter) throw new ServiceError('conflict', 'This app cannot run a hub here: start one with `uketsuke hub`.', { key: 'no_hub_here', values: {} });
    this.hubStarted(await this.hubStarter());
    return this.syncStatus();
  }

  /** Starts the live sync of a paired station over the given transport. */
  attachStationSync(transport: HubTransport, opts: SyncOptions = {}): StationSync {
    this.stationSync = new StationSync(this.core, transport, opts);
    this.stationSync.start();
    return this.stationSync;
  }

  syncStatus(): SyncStatus {
    if (this.stationSync) return this.stationSync.status();
    const link = readHubLink(this.core);
    const hub = this.hubRunning ? this.hubIdentity() : null;
    return {
      paired: link !== null, role: link?.role ?? (hub ? 'hub' : null), hub: link?.urls[0] ?? hub?.urls[0] ?? null, online: hub !== null,
      lastSyncAt: null, waiting: 0, lastError: null, clockSkewMs: 0, clockWarning: false,
    };
  }

  /** The devices the hub has seen: from this file when it is the hub, else asked of the hub. */
  async hubDevices(): Promise<HubDeviceInfo[]> {
    if (this.hubRunning || !readHubLink(this.core)) return this.hub.devices();
    if (!this.stationSync) throw new ServiceError('conflict', 'Not connected to the hub.', { key: 'not_connected_hub', values: {} });
    return this.stationSync.devices();
  }

  stop(): void {
    void this.stationSync?.stop();
  }
}
