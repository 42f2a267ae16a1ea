// "New event" and "Open the demo": work the core cannot do alone, because it means another event file. The shell that
// can open one (shell/, cli/) sets the hooks; without them the screens are told to use the command line. The rules of
// when a device may switch stay here (the Api's event wing, services/methods/event.ts, calls in).
import { ServiceError } from '../core.js';
import type { EventStore } from './event-store.js';
import type { NewEvent } from './programme/programme.js';

export class FileSwitch {
  /** Set by a shell that can open another event file: "New event" creates one next to this file and switches to it. */
  private eventCreator: ((input: NewEvent) => Promise<{ eventId: string; file: string }>) | null = null;
  /** Set by a shell on a first start (no event chosen yet): loads the demo event and remembers the choice. */
  private demoOpener: (() => Promise<{ eventId: string }>) | null = null;

  constructor(
    private readonly event: EventStore,
    /** True while this device relays for or is paired with a venue hub (sync/hub-role.ts). */
    private readonly partOfHub: () => boolean,
  ) {}

  setEventCreator(create: (input: NewEvent) => Promise<{ eventId: string; file: string }>): void {
    this.eventCreator = create;
  }

  setDemoOpener(open: () => Promise<{ eventId: string }>): void {
    this.demoOpener = open;
  }

  /** "Open the demo" on a first start: the demo in this (empty) file. */
  openDemo(): Promise<{ eventId: string }> {
    if (this.event.exists()) throw new ServiceError('conflict', 'This file already holds an event.', { key: 'event_exists', values: {} });
    if (!this.demoOpener) throw new ServiceError('conflict', 'The demo is made from the command line here: uketsuke demo --db FILE', { key: 'demo_cli', values: {} });
    return this.demoOpener();
  }

  /** "New event": an empty event of the organiser's own in a new file (the current one, demo or not, is kept). */
  async newEvent(input: NewEvent): Promise<{ eventId: string; file: string }> {
    if (this.partOfHub()) throw new ServiceError('conflict', 'This device is part of a venue hub: create the new event on a device of its own.', { key: 'hub_device_new_event', values: {} });
    if (!this.eventCreator) throw new ServiceError('conflict', 'A new event is created from the command line here: uketsuke event create --db FILE …', { key: 'create_event_cli', values: {} });
    return this.eventCreator(input);
  }
}
