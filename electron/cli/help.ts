// `uketsuke --help`: every command with its flags (shared/DESIGN.md "CLI" is the contract), shown on bad usage too.
import { REPORT_KINDS } from '../api/contract.js';
import { defaultDataFile } from './context.js';

export const HELP = `uketsuke — registration desk, doors and buses, offline

  uketsuke demo        --db FILE [--delegates N] [--start YYYY-MM-DD] [--live]
  uketsuke event create --db FILE --name NAME --start YYYY-MM-DD --end YYYY-MM-DD --tz ZONE [--venue TEXT]
                       [--name-ja NAME] [--venue-ja TEXT] [--rehearsal] [--json]      (a new, empty event of your own)
  uketsuke event       --db FILE --json                (the event, its days, sessions, buses and checkpoints)
  uketsuke programme import FILE.ics|.json|.xml|.csv|.xlsx --db FILE [--json] [--dry-run]
                       (iCalendar, pretalx/frab schedule, or a sheet: day, start, end, title, room, capacity, kind)
  uketsuke cancel      --db FILE --delegate ID|EMAIL|CODE [--restore] [--json]
  uketsuke delegates   --db FILE --json [--search Q]
  uketsuke checkpoints --db FILE --json
  uketsuke scan        --db FILE --checkpoint ID [--json] [--at ISO-TIME] CODE
  uketsuke badge       --db FILE --delegate ID|EMAIL --out FILE.pdf [--size SIZE] [--back]
  uketsuke badges      --db FILE --out FILE.pdf [--size SIZE] [--back] [--role ROLE] [--country C] [--search Q]
  uketsuke import      FILE --db FILE [--dry-run] [--json] [--rejects OUT.csv]
  uketsuke export      --db FILE --format csv|xlsx --out FILE [--encoding utf-8|shift_jis]
  uketsuke privacy-export --db FILE --delegate ID|EMAIL --out FILE.json
  uketsuke purge       --db FILE --yes                (after the event: erase personal data, keep counts)
  uketsuke pin         --db FILE --set DIGITS         (the staff PIN that unlocks door and kiosk stations)
  uketsuke restore     --db FILE [--from BACKUP] [--force]  (a damaged event file: put back its last good automatic backup)
  uketsuke web         [--db FILE] [--port N] [--host ADDR] [--hub [--hub-port N] [--hub-host ADDR]]
                       (a paired file syncs with its hub while serving; --hub makes this laptop the venue hub)
  uketsuke hub         --db FILE|postgres://URL [--port N] [--host ADDR] [--upstream CODE]
                       (the venue hub, headless; on PostgreSQL the organisers' hub for many events)
  uketsuke pairing-code --db FILE|postgres://URL --role desk|door|kiosk|venue|organiser [--event ID] [--json]
  uketsuke pair        --db FILE --code CODE [--name NAME] [--json] (join a hub and load its event)
  uketsuke sync        --db FILE [--json]                     (one round with the paired hub)
  uketsuke devices     --db FILE|postgres://URL [--event ID] [--json] [--revoke DEVICE]
  uketsuke report      --db FILE --kind KIND --out FILE.pdf|.csv|.xlsx [--lang en|ja] [--delegate ID|EMAIL[,…]]

SIZE is a6 (default), cr80, 4x6in, 4x3in or a4-sheet (six 4×3 in badges with crop marks).
KIND is ${REPORT_KINDS.join(', ')}; --delegate limits certificates to those people.

--db defaults to $UKETSUKE_DB or ${defaultDataFile()}.
`;
